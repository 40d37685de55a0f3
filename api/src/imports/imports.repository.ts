import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { dropPlansOf } from './import-plan-store.js';
import type {
  FileInfo,
  ImportMapping,
  ImportProblem,
  ImportRecord,
  ImportSummary,
  ParsedTable,
} from './import.types.js';

/**
 * The columns of an ImportRecord: an upload as the dashboard sees it, without its cells. `file_info`
 * also stores the file's problems; the API sends them once, as the view's `fileProblems`. A summary
 * stored before `roundedPositions` was counted has 0: such imports kept no rounded position (they moved the unit).
 */
const COLUMNS = `id, city_id AS "cityId", owner_id AS "ownerId", file_name AS "fileName", format, status, headers,
  row_count AS "rowCount", file_info - 'problems' AS "fileInfo", mapping, processed,
  '{"roundedPositions": 0}'::jsonb || summary AS summary, error,
  created_at AS "createdAt"`;

@Injectable()
export class ImportsRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Whether the town's postcodes may begin with 0: it lies in Saxony (01xxx–09xxx throughout), or one
   * of its units has such a postcode (towns of Thuringia, Saxony-Anhalt and Brandenburg have both).
   */
  async postcodesWithZero(em: EntityManager, cityId: string): Promise<boolean> {
    const [row] = await em.query<{ zero: boolean }[]>(
      `SELECT c.state = 'Sachsen'
              OR EXISTS (SELECT 1 FROM storefronts s WHERE s.city_id = c.id AND s.postcode LIKE '0%') AS zero
       FROM cities c WHERE c.id = $1`,
      [cityId],
    );
    return row?.zero ?? false;
  }

  async create(
    cityId: string,
    ownerId: string | null,
    fileName: string | null,
    table: ParsedTable,
  ): Promise<string> {
    const [row] = await this.db.query<{ id: string }[]>(
      `INSERT INTO imports (city_id, owner_id, file_name, format, headers, rows, row_count, file_info)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        cityId,
        ownerId,
        fileName,
        table.info.format,
        JSON.stringify(table.headers),
        JSON.stringify({ cells: table.rows, lines: table.lines }),
        table.rows.length,
        JSON.stringify({ ...table.info, problems: table.problems }),
      ],
    );
    return row!.id;
  }

  /**
   * Deletes expired uploads (`expires_at`, 7 days after the upload; hidden from then on) with their
   * cells — which may hold owners' names and phone numbers — and their kept plans. Called with every
   * upload and by the hourly housekeeping. A commit that is still running is left alone (one that
   * never finished, e.g. the server stopped, goes a day later).
   */
  async purgeExpired(): Promise<void> {
    const expired = `SELECT id FROM imports
                     WHERE expires_at <= now() AND (status <> 'committing' OR updated_at < now() - interval '1 day')`;
    await this.db.transaction(async (em) => {
      await dropPlansOf(em, expired);
      await em.query(`DELETE FROM imports WHERE id IN (${expired})`);
    });
  }

  /** The upload of this town (null when it does not exist or belongs to another town). */
  async find(cityId: string, id: string): Promise<ImportRecord | null> {
    const rows = await this.db.query<ImportRecord[]>(
      `SELECT ${COLUMNS} FROM imports WHERE id = $1 AND city_id = $2 AND expires_at > now()`,
      [id, cityId],
    );
    return rows[0] ?? null;
  }

  async table(id: string): Promise<ParsedTable> {
    const [row] = await this.db.query<
      {
        headers: string[];
        rows: { cells: string[][]; lines: number[] };
        info: FileInfo & { problems: ImportProblem[] };
      }[]
    >(`SELECT headers, rows, file_info AS info FROM imports WHERE id = $1`, [id]);
    const { problems, ...info } = row!.info;
    return { headers: row!.headers, rows: row!.rows.cells, lines: row!.rows.lines, info, problems };
  }

  /** The first rows and the file's problems, without loading every cell (polled during a commit). */
  async preview(id: string): Promise<{ rows: string[][]; problems: ImportProblem[] }> {
    const [row] = await this.db.query<{ rows: string[][]; problems: ImportProblem[] | null }[]>(
      `SELECT jsonb_path_query_array(rows, '$.cells[0 to 4]') AS rows, file_info->'problems' AS problems
       FROM imports WHERE id = $1`,
      [id],
    );
    return { rows: row?.rows ?? [], problems: row?.problems ?? [] };
  }

  /** False when the upload is being (or has been) committed meanwhile: its mapping stays as it was. */
  async saveMapping(id: string, mapping: ImportMapping): Promise<boolean> {
    const [, affected] = await this.db.query<[unknown, number]>(
      `UPDATE imports SET mapping = $2, status = 'mapped', error = NULL
       WHERE id = $1 AND status IN ('uploaded', 'mapped')`,
      [id, JSON.stringify(mapping)],
    );
    return affected === 1;
  }

  /** Marks the upload as committing unless another request already does; false if it cannot start. */
  async claimForCommit(id: string): Promise<boolean> {
    // TypeORM answers an UPDATE with [rows, affected count].
    const [, affected] = await this.db.query<[unknown, number]>(
      `UPDATE imports SET status = 'committing', processed = 0, error = NULL, summary = NULL
       WHERE id = $1 AND status = 'mapped'`,
      [id],
    );
    return affected === 1;
  }

  /** Progress is written outside the import's transaction, so that polling sees it. */
  async progress(id: string, processed: number): Promise<void> {
    await this.db.query(`UPDATE imports SET processed = $2 WHERE id = $1 AND status = 'committing'`, [
      id,
      processed,
    ]);
  }

  /** Called inside the import's transaction: the file is 'committed' exactly when its rows are. */
  async finish(em: EntityManager, id: string, summary: ImportSummary): Promise<void> {
    await em.query(
      `UPDATE imports SET status = 'committed', processed = row_count, summary = $2, rows = '{"cells":[],"lines":[]}'
       WHERE id = $1`,
      [id, JSON.stringify(summary)],
    );
  }

  /** The commit was refused or failed: back to 'mapped' (can be fixed and retried), with the reason. */
  async reopen(id: string, error: unknown): Promise<void> {
    await this.db.query(`UPDATE imports SET status = 'mapped', processed = 0, error = $2 WHERE id = $1`, [
      id,
      JSON.stringify(error),
    ]);
  }
}
