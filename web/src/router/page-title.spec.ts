import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { initAppI18n } from '../i18n/testing';
import { pageTitle } from './page-title';
import type { Route } from './router';

beforeAll(initAppI18n);

describe('pageTitle', () => {
  const de = () => i18n.getFixedT('de');
  const en = () => i18n.getFixedT('en');

  it('names the town, then the product', () => {
    expect(pageTitle({ name: 'town', slug: 'muehlhausen' }, de(), 'Mühlhausen')).toBe(
      'Mühlhausen – Schaufenster',
    );
  });

  it('names the kind of page while the town is not known yet', () => {
    expect(pageTitle({ name: 'town', slug: 'muehlhausen' }, de())).toBe('Stadt – Schaufenster');
    expect(pageTitle({ name: 'network', slug: 'x' }, en())).toBe('Network – Schaufenster');
  });

  it('is in the UI language', () => {
    expect(pageTitle({ name: 'benchmark' }, de())).toBe('Vergleich – Schaufenster');
    expect(pageTitle({ name: 'benchmark' }, en())).toBe('Benchmark – Schaufenster');
    expect(pageTitle({ name: 'home' }, en())).toBe('Overview – Schaufenster');
  });

  it('names the report and its town or network', () => {
    expect(pageTitle({ name: 'townReport', slug: 'gotha' }, de(), 'Gotha')).toBe(
      'Innenstadtbericht Gotha – Schaufenster',
    );
    expect(pageTitle({ name: 'networkReport', slug: 'n' }, en(), 'Stadtnetz')).toBe(
      'Network report Stadtnetz – Schaufenster',
    );
    expect(pageTitle({ name: 'networkReport', slug: 'n' }, de())).toBe('Netzwerkbericht – Schaufenster');
  });

  it('gives every page its own title', () => {
    const routes: Route['name'][] = [
      'home',
      'signIn',
      'adminUsers',
      'benchmark',
      'knowledgeBase',
      'kpiDefinitions',
      'import',
      'walk',
      'notFound',
    ];
    const titles = routes.map((name) => pageTitle({ name } as Route, de()));
    expect(new Set(titles).size).toBe(routes.length);
    expect(titles.every((t) => t.endsWith(' – Schaufenster') && !t.includes('a11y.'))).toBe(true);
  });
});
