import { useId } from 'react';

/**
 * A labelled horizontal bar for a measure within a range (a profile's completeness, an event's
 * fill level): the label and the value in words above a native `<meter>`, whose `aria-valuetext`
 * gives a screen reader the same words instead of a bare number.
 */
export function Meter({ value, max, label, valueText }: { value: number; max: number; label: React.ReactNode; valueText: string }) {
  const id = useId();
  const bounded = Math.max(0, Math.min(value, max));
  return (
    <div className="meter">
      <div className="meter-caption">
        <label htmlFor={id} id={`${id}-label`} className="meter-label">
          {label}
        </label>
        <span className="meter-value" aria-hidden="true">
          {valueText}
        </span>
      </div>
      <meter id={id} min={0} max={max} value={bounded} aria-valuetext={valueText} aria-labelledby={`${id}-label`} />
    </div>
  );
}
