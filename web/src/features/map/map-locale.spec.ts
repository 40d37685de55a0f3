import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../../i18n/testing';
import { mapLocale } from './map-locale';

// The ids themselves are checked by the compiler: mapLocale's type is keyed by MapLibre's own ids.
beforeAll(initAppI18n);

describe('mapLocale', () => {
  it('names the zoom buttons in German and in English', () => {
    expect(mapLocale(i18n.getFixedT('de'))['NavigationControl.ZoomIn']).toBe('Vergrößern');
    expect(mapLocale(i18n.getFixedT('de'))['NavigationControl.ZoomOut']).toBe('Verkleinern');
    expect(mapLocale(i18n.getFixedT('en'))['NavigationControl.ZoomIn']).toBe('Zoom in');
    expect(mapLocale(i18n.getFixedT('en'))['NavigationControl.ZoomOut']).toBe('Zoom out');
  });

  it('translates every string it patches, none left in English in German', () => {
    const de = mapLocale(i18n.getFixedT('de'));
    const en = mapLocale(i18n.getFixedT('en'));
    expect(Object.keys(de)).toEqual(Object.keys(en));
    for (const [id, text] of Object.entries(de)) {
      expect(text, id).not.toMatch(/^a11y\./);
      expect(text, id).not.toBe(en[id as keyof typeof en]);
    }
  });
});
