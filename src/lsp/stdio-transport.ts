import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node.js';
import { truncate } from '../text/describe.js';
import { escapeTerminal } from '../text/terminal.js';

export interface TransportEvents {
  /** A message could not be read; `reason` is one line of plain text. */
  unreadable(reason: string): void;
  /** A message has been incomplete for `seconds` with nothing more arriving. */
  stalled(seconds: number): void;
  /** The editor closed its end of stdin. */
  closed(): void;
}

/** Long enough for any editor on a local pipe, short enough to show in a log while someone is still looking. */
const stallSeconds = 5;

/**
 * The server's end of stdio. vscode-jsonrpc reports a message it cannot read
 * (a Content-Length header that is missing, not a number or negative, a header
 * line without a colon, a body that is not JSON) only as an error event that
 * nothing listens to, and then looks for the next header inside the body it
 * skipped: every later message is lost and the editor waits for ever. These
 * events make that visible; and since the framing and the server's copy of the
 * documents cannot be trusted after a lost message, the caller ends the session.
 */
export function stdioTransport(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, events: TransportEvents): { reader: MessageReader; writer: MessageWriter } {
  const reader = new StreamMessageReader(input);
  reader.partialMessageTimeout = stallSeconds * 1000;
  reader.onError((error) => events.unreadable(oneLine(error.message)));
  reader.onPartialMessage(() => events.stalled(stallSeconds));
  reader.onClose(() => events.closed());
  return { reader, writer: new StreamMessageWriter(output) };
}

/** The library's message can quote whole headers from the stream: keep it to a printable line. */
function oneLine(message: string): string {
  return escapeTerminal(truncate(message.slice(0, 400), 200));
}
