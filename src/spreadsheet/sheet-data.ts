import { cellAddress } from './cell-address.js';
import { sheetText } from './cell-text.js';
import { newWorkbook, workbookBytes } from './excel.js';

/** A colour as RRGGBB. */
export type Colour = string;

/** A cell to write: text, or a real number with the format it is shown in. */
export type CellData =
  | { text: string; fill?: { background: Colour; font: Colour }; indent?: number }
  | { number: number; format: string };

/**
 * One sheet of a workbook goalpost writes: a header row, frozen and with
 * filters, and rows below it. Kept apart from exceljs so that what a sheet
 * holds is plain data that tests can read.
 */
export interface SheetData {
  name: string;
  columns: readonly { header: string; width: number }[];
  /** Rows below the header; null is an empty cell. */
  rows: readonly (readonly (CellData | null)[])[];
}

/**
 * The workbook of these sheets, as .xlsx bytes. Every text goes through
 * `sheetText`, so that no title, name or key can become a formula; numbers
 * are stored as numbers with their number format.
 */
export async function workbookFromSheets(sheets: readonly SheetData[]): Promise<Uint8Array> {
  const workbook = await newWorkbook();
  workbook.creator = 'goalpost';
  for (const sheet of sheets) {
    const worksheet = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    worksheet.columns = sheet.columns.map((column) => ({ width: column.width }));
    const header = worksheet.getRow(1);
    sheet.columns.forEach((column, index) => {
      const cell = header.getCell(index + 1);
      cell.value = sheetText(column.header);
      cell.font = { bold: true };
    });
    sheet.rows.forEach((row, rowIndex) => {
      const line = worksheet.getRow(rowIndex + 2);
      row.forEach((data, columnIndex) => {
        if (data === null) return;
        const cell = line.getCell(columnIndex + 1);
        if ('number' in data) {
          cell.value = data.number;
          cell.numFmt = data.format;
          return;
        }
        cell.value = sheetText(data.text);
        if (data.indent !== undefined && data.indent > 0) cell.alignment = { indent: data.indent };
        if (data.fill) {
          cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${data.fill.background}` } };
          cell.font = { color: { argb: `FF${data.fill.font}` } };
        }
      });
    });
    if (sheet.columns.length > 0) {
      worksheet.autoFilter = `A1:${cellAddress({ row: sheet.rows.length + 1, column: sheet.columns.length })}`;
    }
  }
  return workbookBytes(workbook);
}
