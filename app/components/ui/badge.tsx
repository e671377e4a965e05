/**
 * A short label beside something (a status, a count). Colour is never the only signal: the text
 * says it, and `label` gives a screen reader the whole sentence when the text is terse ("3").
 */
export function Badge({
  tone = 'neutral',
  label,
  children,
}: {
  tone?: 'neutral' | 'accent' | 'ok' | 'warn' | 'info';
  label?: string;
  children: React.ReactNode;
}) {
  if (label) {
    return (
      <span className={`badge badge-${tone}`}>
        <span aria-hidden="true">{children}</span>
        <span className="visually-hidden">{label}</span>
      </span>
    );
  }
  return <span className={`badge badge-${tone}`}>{children}</span>;
}
