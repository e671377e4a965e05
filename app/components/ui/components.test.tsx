import { describe, expect, test } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { Badge } from './badge';
import { Card } from './card';
import { CheckboxField, CheckboxGroup } from './checkbox';
import { ConfirmDialog } from './dialog';
import { Meter } from './meter';
import { Toast } from './toast';

/* What the server sends, which is also what a browser without JavaScript keeps. */

describe('design system components as the server renders them', () => {
  test('a badge with a label shows the short text and reads the whole sentence', () => {
    const html = renderToStaticMarkup(<Badge tone="info" label="3 new requests">3</Badge>);
    expect(html).toContain('<span aria-hidden="true">3</span>');
    expect(html).toContain('<span class="visually-hidden">3 new requests</span>');
    expect(html).toContain('badge badge-info');
  });

  test('a card takes the element and heading level it is given, actions at the end', () => {
    const html = renderToStaticMarkup(
      <Card as="li" title="Warsaw meetup" headingLevel={3} actions={<a href="/x">Open</a>}>
        <p>Body</p>
      </Card>,
    );
    expect(html).toMatch(/^<li class="card"><h3 class="card-title">Warsaw meetup<\/h3><p>Body<\/p><div class="card-actions">/);
  });

  test('a plain checkbox is labelled and described by its hint', () => {
    const html = renderToStaticMarkup(
      <CheckboxGroup legend="When">
        <CheckboxField name="includePast" value="true" defaultChecked id="past" label="Past events too" hint="Cancelled ones stay hidden" />
      </CheckboxGroup>,
    );
    expect(html).toContain('<legend>When</legend>');
    expect(html).toContain('<input type="checkbox" id="past" name="includePast" aria-describedby="past-hint" checked="" value="true"/>');
    expect(html).toContain('<label for="past">Past events too</label>');
    expect(html).toContain('<p id="past-hint" class="hint">Cancelled ones stay hidden</p>');
  });

  test('a confirmation without JavaScript is a disclosure holding the form', () => {
    const html = renderToStaticMarkup(
      <ConfirmDialog triggerLabel="Delete" title="Delete this list?" confirm={<form method="post"><button type="submit">Yes, delete</button></form>}>
        <p>It cannot be undone.</p>
      </ConfirmDialog>,
    );
    expect(html).toMatch(/^<details class="confirm-disclosure"><summary class="button danger">Delete<\/summary>/);
    expect(html).toContain('<p>It cannot be undone.</p><form method="post"><button type="submit">Yes, delete</button></form>');
  });

  test('a toast is a status message with a close button named in words', () => {
    const html = renderToStaticMarkup(<Toast tone="error">Not saved</Toast>);
    expect(html).toMatch(/^<div class="toast toast-error"><div role="status" class="toast-message">Not saved<\/div><button type="button" class="toast-close">/);
    expect(html).toContain('<span class="visually-hidden">ui.toast.dismiss</span>');
  });

  test('a meter is labelled and reads its value in words, bounded by its range', () => {
    const html = renderToStaticMarkup(<Meter value={12} max={10} label="Places taken" valueText="10 of 10, 2 waiting" />);
    const label = html.match(/<label for="(.+?)" id="(.+?)" class="meter-label">Places taken<\/label>/);
    expect(label).not.toBeNull();
    // Named by its label both ways: `for` (browsers) and aria-labelledby (role queries, older readers).
    expect(html).toContain(`<meter id="${label![1]}" min="0" max="10" value="10" aria-valuetext="10 of 10, 2 waiting" aria-labelledby="${label![2]}"></meter>`);
  });
});
