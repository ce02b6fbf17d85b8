import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import * as XLSX from 'xlsx';
import { cli, type CliIo } from '../../src/cli/cli.js';
import { readGoalFiles } from '../../src/load/read-directory.js';
import type { GoalSet } from '../../src/model/model.js';
import { validateRepository } from '../../src/validate.js';
import { repoRoot } from '../helpers/fixtures.js';

/** A folder of the test run's temporary folder (removed at the end of the run) holding a copy of the example goals. */
export function exampleCopy(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `goalpost-${prefix}-`));
  cpSync(path.join(repoRoot, 'goals'), path.join(dir, 'goals'), { recursive: true });
  return dir;
}

/** Runs the CLI in-process in `cwd`. */
export async function run(cwd: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), isTTY: false, env: {}, cwd };
  const code = await cli(args, io);
  return { code, stdout, stderr };
}

export type Row = (ExcelJS.CellValue | undefined)[];

/** Writes a workbook made here with exceljs, as a planner's spreadsheet program would: each sheet its rows from A1. */
export async function writeWorkbook(file: string, sheets: Record<string, Row[]>): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((row, rowIndex) =>
      row.forEach((value, columnIndex) => {
        if (value !== undefined) sheet.getCell(rowIndex + 1, columnIndex + 1).value = value;
      }),
    );
  }
  writeFileSync(file, Buffer.from(await workbook.xlsx.writeBuffer()));
}

/** A workbook read back with SheetJS, an implementation apart from the one that wrote it, with number formats, fills and the raw files. */
export function readBack(bytes: Uint8Array): XLSX.WorkBook & { files: Record<string, { content: Uint8Array }> } {
  return XLSX.read(bytes, { type: 'buffer', cellStyles: true, cellNF: true, bookFiles: true }) as XLSX.WorkBook & { files: Record<string, { content: Uint8Array }> };
}

/** The XML of a sheet, found through the workbook's relationships, for what SheetJS does not read (the frozen pane). */
export function sheetXml(book: ReturnType<typeof readBack>, name: string): string {
  const text = (file: string): string => Buffer.from(book.files[file]!.content).toString('utf8');
  const escaped = name.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const id = new RegExp(`<sheet [^>]*name="${escaped.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(text('xl/workbook.xml'))?.[1];
  const target = new RegExp(`<Relationship [^>]*Id="${id}"[^>]*Target="([^"]+)"`).exec(text('xl/_rels/workbook.xml.rels'))?.[1];
  return text(`xl/${target!.replace(/^\/?xl\//, '')}`);
}

/** The goals folder validated as `goalpost validate` reads it. */
export async function validated(dir: string): Promise<ReturnType<typeof validateRepository>> {
  return validateRepository(await readGoalFiles('goals', dir, 16 * 1024 * 1024));
}

/** What a goal set's sheet holds, from the model: the meaning of the goal set that a round trip must keep. */
export function sheetMeaning(goalSet: GoalSet): unknown {
  return {
    team: goalSet.team,
    period: goalSet.period?.id,
    goals: goalSet.goals.map((goal) => ({
      id: goal.id,
      title: goal.title,
      kpi: goal.kpi,
      target: goal.target,
      weight: goal.weight,
      owner: goal.owner,
      comparison: goal.comparison,
      baseline: goal.baseline,
      alignsTo: goal.alignsTo,
      due: goal.due,
      contributors: goal.contributors,
      notes: goal.notes,
      breakdowns: goal.breakdowns.map((breakdown) => ({ by: breakdown.by, items: breakdown.items.map((item) => ({ key: item.key, target: item.target })) })),
    })),
  };
}
