import type { TFunction } from 'i18next';
import { normalizeObstacles } from '../../../../api/src/interventions/intervention.types';
import type { InterventionObstacle, ObstacleCount } from '../../lib/domain';
import type { InterventionTypeInsight } from './api/interventions-api';

/** The ticked obstacles after one box changed: each once, in the list's order (as the API stores them). */
export function toggleObstacle(
  current: readonly InterventionObstacle[],
  obstacle: InterventionObstacle,
  on: boolean,
): InterventionObstacle[] {
  return normalizeObstacles(on ? [...current, obstacle] : current.filter((o) => o !== obstacle));
}

/** Whether two lists name the same obstacles (order aside). */
export function sameObstacles(
  a: readonly InterventionObstacle[],
  b: readonly InterventionObstacle[],
): boolean {
  return a.length === b.length && a.every((o) => b.includes(o));
}

/** An intervention's obstacles in words, „Miethöhe, Zu wenig Laufkundschaft“; null for none. */
export function obstaclesText(obstacles: readonly InterventionObstacle[], t: TFunction): string | null {
  return obstacles.length ? obstacles.map((o) => t(`interventionObstacle.${o}`)).join(', ') : null;
}

/**
 * The most frequent obstacles of a type, at most `max`, „Zu wenig Laufkundschaft (2), Miethöhe (1)“ —
 * the API sends them most often first; the rest are left to the list's filter.
 */
export function topObstaclesText(counts: readonly ObstacleCount[], t: TFunction, max = 3): string | null {
  if (!counts.length) return null;
  return counts
    .slice(0, max)
    .map((c) => t('kb.obstacleCount', { obstacle: t(`interventionObstacle.${c.obstacle}`), count: c.count }))
    .join(', ');
}

/**
 * A type's obstacles as the knowledge base and the network report print them: the most frequent
 * (`top`) and how many tried ones named any (`of`, „genannt bei 4 von 6 erprobten“); „keine erfasst“
 * when tried ones name none, „–“ when none was tried.
 */
export function obstacleSummary(
  row: Pick<InterventionTypeInsight, 'tried' | 'withObstacles' | 'obstacles'>,
  t: TFunction,
): { top: string; of: string | null } {
  if (row.withObstacles === 0) return { top: row.tried > 0 ? t('kb.obstaclesNone') : '–', of: null };
  return {
    top: topObstaclesText(row.obstacles, t) ?? '',
    of: t('kb.obstaclesOf', { with: row.withObstacles, tried: row.tried }),
  };
}
