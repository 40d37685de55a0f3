import i18n from 'i18next';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../i18n/testing';
import { Field, fieldControlProps, type FieldControlProps } from './Field';

beforeAll(initAppI18n);

/** The field rendered with a text input, as static HTML, parsed back into its parts. */
function render(props: { hint?: string; error?: string; required?: boolean }) {
  const html = renderToStaticMarkup(
    createElement(
      I18nextProvider,
      { i18n },
      createElement(Field, {
        label: 'Straße',
        ...props,
        children: (id: string, control: FieldControlProps) => createElement('input', { id, ...control }),
      }),
    ),
  );
  const input = /<input[^>]*>/.exec(html)![0];
  const attr = (name: string): string | undefined =>
    new RegExp(`${name}="([^"]*)"`).exec(input)?.[1] ??
    (new RegExp(` ${name}(?=[ />])`).test(input) ? '' : undefined);
  const idOf = (cls: string): string | undefined =>
    new RegExp(`<p id="([^"]+)" class="${cls}"`).exec(html)?.[1];
  return { html, attr, hintId: idOf('field__hint'), errorId: idOf('field__error') };
}

describe('Field', () => {
  it('ties its hint to the control', () => {
    const { attr, hintId } = render({ hint: 'Der vorige Eintrag endet dann.' });
    expect(hintId).toBeDefined();
    expect(attr('aria-describedby')).toBe(hintId);
    expect(attr('aria-invalid')).toBeUndefined();
  });

  it('ties the error and the hint to the control, the error first, and marks it invalid', () => {
    const { attr, hintId, errorId } = render({ hint: 'Angabe in m²', error: 'Das ist keine Zahl.' });
    expect(attr('aria-describedby')).toBe(`${errorId} ${hintId}`);
    expect(attr('aria-invalid')).toBe('true');
  });

  it('describes nothing when there is no hint nor error', () => {
    const { attr } = render({});
    expect(attr('aria-describedby')).toBeUndefined();
    expect(attr('required')).toBeUndefined();
  });

  it('marks a required field visibly in words and on the control', () => {
    const { html, attr } = render({ required: true });
    expect(attr('required')).toBe('');
    expect(attr('aria-required')).toBe('true');
    expect(html).toContain('<span class="field__required" aria-hidden="true">Pflichtfeld</span>');
    // The label keeps its plain name: the control's `required` is what screen readers announce.
    expect(html).toMatch(/<label for="[^"]+">Straße<\/label>/);
  });
});

describe('fieldControlProps', () => {
  it('joins the ids it is given', () => {
    expect(fieldControlProps({ hintId: 'h', errorId: 'e', required: true })).toEqual({
      'aria-invalid': true,
      'aria-describedby': 'e h',
      'aria-required': true,
      required: true,
    });
    expect(fieldControlProps({})).toEqual({});
  });
});
