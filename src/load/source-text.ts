/**
 * The decoded text of one file, with a lazily built index of line starts so
 * that any character offset can be turned into a 1-based line and column.
 * Lines end at "\n"; a "\r" before it belongs to the line it ends, so CRLF
 * files get the same line and column numbers as LF files.
 */
export class SourceText {
  private lineStarts: number[] | undefined;

  constructor(
    readonly path: string,
    readonly text: string,
  ) {}

  position(offset: number): { line: number; column: number } {
    const starts = this.starts();
    const clamped = Math.min(Math.max(offset, 0), this.text.length);
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: clamped - starts[low]! + 1 };
  }

  /** The offset of the start of the line that holds `offset`. */
  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset of the end of the line that holds `offset`, before any "\r\n". */
  lineEnd(offset: number): number {
    let end = this.text.indexOf('\n', offset);
    if (end === -1) end = this.text.length;
    if (end > 0 && this.text[end - 1] === '\r') end--;
    return Math.max(end, offset);
  }

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      let index = this.text.indexOf('\n');
      while (index !== -1) {
        starts.push(index + 1);
        index = this.text.indexOf('\n', index + 1);
      }
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }
}
