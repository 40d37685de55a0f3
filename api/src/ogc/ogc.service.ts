import { Injectable } from '@nestjs/common';
import { DomainError, notFound } from '../common/domain-error.js';
import { isUuid } from '../common/id-or-slug.js';
import { isCalendarDate, todayIso } from '../common/validators.js';
import type { OgcItemsQuery } from './dto/ogc-items.query.js';
import { OgcRepository, type Bbox, type OgcFeature } from './ogc.repository.js';

export const GEOJSON = 'application/geo+json';
const JSON_TYPE = 'application/json';
const CRS84 = 'http://www.opengis.net/def/crs/OGC/1.3/CRS84';

export const CONFORMANCE = [
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson',
  'http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30',
];

export interface Link {
  href: string;
  rel: string;
  type: string;
  title?: string;
}

const COLLECTIONS = {
  storefronts: {
    title: 'Storefronts (Ladenlokale)',
    description:
      'Commercial ground-floor units of towns that publish open data, with their status on the date given by `datetime` (default: today): occupied, vacant, temporary_use, under_renovation, not_lettable, demolished.',
  },
  perimeters: {
    title: 'Downtown perimeters (Innenstadtabgrenzungen)',
    description:
      'The downtown perimeter each publishing town counts its KPIs in (isPlaceholder: a buffer around the centre).',
  },
} as const;
export type CollectionId = keyof typeof COLLECTIONS;
export const isCollection = (id: string): id is CollectionId => id in COLLECTIONS;

/** OGC API – Features, Part 1: Core, over the open-data towns (docs/import-export.md). */
@Injectable()
export class OgcService {
  constructor(private readonly ogc: OgcRepository) {}

  landing(base: string) {
    return {
      title: 'Schaufenster – open data of inner-city storefronts',
      description:
        'OGC API – Features for storefronts and downtown perimeters of towns that publish open data.',
      links: [
        { href: base, rel: 'self', type: JSON_TYPE, title: 'This document' },
        {
          href: `${base.replace(/\/ogc$/, '')}/docs/openapi.json`,
          rel: 'service-desc',
          type: 'application/vnd.oai.openapi+json;version=3.0',
          title: 'API definition',
        },
        {
          href: `${base.replace(/\/ogc$/, '')}/docs`,
          rel: 'service-doc',
          type: 'text/html',
          title: 'API documentation',
        },
        { href: `${base}/conformance`, rel: 'conformance', type: JSON_TYPE, title: 'Conformance classes' },
        { href: `${base}/collections`, rel: 'data', type: JSON_TYPE, title: 'Collections' },
      ],
    };
  }

  async collections(base: string) {
    const extent = await this.ogc.extent();
    return {
      links: [{ href: `${base}/collections`, rel: 'self', type: JSON_TYPE }],
      collections: (Object.keys(COLLECTIONS) as CollectionId[]).map((id) => this.describe(base, id, extent)),
    };
  }

  async collection(base: string, id: string) {
    if (!isCollection(id)) throw notFound('Collection', id);
    return this.describe(base, id, await this.ogc.extent());
  }

  async items(base: string, id: string, q: OgcItemsQuery) {
    if (!isCollection(id)) throw notFound('Collection', id);
    const limit = q.limit ?? 100;
    const offset = q.offset ?? 0;
    const bbox = q.bbox === undefined ? undefined : parseBbox(q.bbox);
    const page =
      id === 'storefronts'
        ? await this.ogc.storefronts({ asOf: asOfDate(q.datetime), bbox, limit, offset })
        : await this.ogc.perimeters({ bbox, limit, offset });
    const url = (o: number) => {
      const params = new URLSearchParams();
      if (q.bbox) params.set('bbox', q.bbox);
      if (q.datetime) params.set('datetime', q.datetime);
      params.set('limit', String(limit));
      if (o > 0) params.set('offset', String(o));
      return `${base}/collections/${id}/items?${params.toString()}`;
    };
    const links: Link[] = [
      { href: url(offset), rel: 'self', type: GEOJSON, title: 'This page' },
      { href: `${base}/collections/${id}`, rel: 'collection', type: JSON_TYPE },
    ];
    if (offset + page.features.length < page.matched)
      links.push({ href: url(offset + limit), rel: 'next', type: GEOJSON, title: 'Next page' });
    if (offset > 0)
      links.push({
        href: url(Math.max(0, offset - limit)),
        rel: 'prev',
        type: GEOJSON,
        title: 'Previous page',
      });
    return {
      type: 'FeatureCollection',
      features: page.features,
      numberMatched: page.matched,
      numberReturned: page.features.length,
      timeStamp: new Date().toISOString(),
      links,
    };
  }

  async item(
    base: string,
    id: string,
    featureId: string,
    datetime?: string,
  ): Promise<OgcFeature & { links: Link[] }> {
    if (!isCollection(id)) throw notFound('Collection', id);
    if (!isUuid(featureId)) throw notFound('Feature', featureId);
    const page =
      id === 'storefronts'
        ? await this.ogc.storefronts({ asOf: asOfDate(datetime), limit: 1, offset: 0, id: featureId })
        : await this.ogc.perimeters({ limit: 1, offset: 0, id: featureId });
    const feature = page.features[0];
    if (!feature) throw notFound('Feature', featureId);
    return {
      ...feature,
      links: [
        { href: `${base}/collections/${id}/items/${featureId}`, rel: 'self', type: GEOJSON },
        { href: `${base}/collections/${id}`, rel: 'collection', type: JSON_TYPE },
      ],
    };
  }

  private describe(base: string, id: CollectionId, extent: Bbox | null) {
    return {
      id,
      ...COLLECTIONS[id],
      itemType: 'feature',
      crs: [CRS84],
      extent: {
        spatial: { bbox: [extent ?? [5.8, 47.2, 15.1, 55.1]], crs: CRS84 },
        ...(id === 'storefronts' ? { temporal: { interval: [['2000-01-01T00:00:00Z', null]] } } : {}),
      },
      links: [
        { href: `${base}/collections/${id}`, rel: 'self', type: JSON_TYPE },
        {
          href: `${base}/collections/${id}/items`,
          rel: 'items',
          type: GEOJSON,
          title: `${COLLECTIONS[id].title} as GeoJSON`,
        },
      ],
    };
  }
}

const invalid = (message: string, details?: unknown): DomainError =>
  new DomainError('VALIDATION_FAILED', message, details);

function parseBbox(text: string): Bbox {
  const n = text.split(',').map((v) => (v.trim() === '' ? NaN : Number(v)));
  const box = n.length === 6 ? [n[0], n[1], n[3], n[4]] : n;
  if (box.length !== 4 || box.some((v) => !Number.isFinite(v))) {
    throw invalid('bbox must be minLon,minLat,maxLon,maxLat (four or six numbers).', { bbox: text });
  }
  const [x0, y0, x1, y1] = box as Bbox;
  if (x0 < -180 || x1 > 180 || y0 < -90 || y1 > 90 || x0 > x1 || y0 > y1) {
    throw invalid(
      'bbox lies outside −180…180 / −90…90 or min > max (boxes across the antimeridian are not supported).',
      { bbox: text },
    );
  }
  return [x0, y0, x1, y1];
}

/** `datetime`: a date or a date-time (its day in Germany); intervals are not supported. */
function asOfDate(datetime: string | undefined): string {
  if (datetime === undefined) return todayIso();
  if (datetime.includes('/'))
    throw invalid('datetime intervals are not supported: give one date, e.g. 2025-01-01.');
  if (isCalendarDate(datetime)) return datetime;
  const parsed = new Date(datetime);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(datetime) || Number.isNaN(parsed.getTime())) {
    throw invalid('datetime must be a date (2025-01-01) or a date-time (2025-01-01T12:00:00Z).', {
      datetime,
    });
  }
  return todayIso(parsed);
}
