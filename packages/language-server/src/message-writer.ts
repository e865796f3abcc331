/// <reference types="node" />
// The server's writer over stdio. vscode-jsonrpc's StreamMessageWriter wrote each message in two
// writes, its header and then its body: two system calls at every keystroke, and two wake-ups of
// the client. This one writes both together, one message at a time, each into the one buffer it
// keeps (json-encoder.ts: ReusedBuffer): the next message is made only once the last one's write
// called back, and by then a stream of the OS (stdout: a pipe, a file, a terminal) has handed its
// bytes on. Never for a stream inside the process: a PassThrough keeps the very buffer it is given
// for its reader, which the next message would overwrite.
import { AbstractMessageWriter, type Message, type MessageWriter } from 'vscode-languageserver/node';
import { ReusedBuffer, wireBytes } from './json-encoder.js';

export class StdioMessageWriter extends AbstractMessageWriter implements MessageWriter {
  private readonly reused = new ReusedBuffer();
  /** The last write, settled either way: the next waits for it. */
  private last: Promise<void> = Promise.resolve();
  private errors = 0;

  constructor(private readonly stream: NodeJS.WritableStream) {
    super();
    stream.on('error', (error: Error) => this.fireError(error));
    stream.on('close', () => this.fireClose());
  }

  write(message: Message): Promise<void> {
    const written = this.last.then(() => this.send(message));
    this.last = written.catch(() => undefined);
    return written;
  }

  private send(message: Message): Promise<void> {
    return new Promise((resolve, reject) => {
      const failed = (error: unknown) => {
        this.fireError(error as Error, message, ++this.errors);
        reject(error);
      };
      let bytes: Buffer;
      try {
        bytes = wireBytes(message, this.reused);
      } catch (error) {
        failed(error);
        return;
      }
      this.stream.write(bytes, (error?: Error | null) => (error ? failed(error) : resolve()));
    });
  }

  end(): void {
    this.stream.end();
  }
}
