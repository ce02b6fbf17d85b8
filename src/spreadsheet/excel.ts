import type { Workbook } from 'exceljs';

export type { Cell, CellValue, Workbook, Worksheet } from 'exceljs';

/**
 * exceljs, loaded only by the commands that read or write workbooks: it is a
 * large library, and `validate` starts without it.
 */
export async function newWorkbook(): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  return new ExcelJS.Workbook();
}

/** The bytes of a workbook as an .xlsx file. */
export async function workbookBytes(workbook: Workbook): Promise<Uint8Array> {
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** A workbook from the bytes of an .xlsx file; exceljs throws on anything else. */
export async function readWorkbook(bytes: Uint8Array): Promise<Workbook> {
  const workbook = await newWorkbook();
  // exceljs declares its own Buffer type, which Node's Buffer does not match in TypeScript's eyes; at run time it is Node's.
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
  return workbook;
}
