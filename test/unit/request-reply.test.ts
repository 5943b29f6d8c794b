// The request/reply helper over a real MessageChannel (as between threads): replies find their
// calls by id whatever the order, events arrive before the result, failures keep their code, a
// dead peer fails every pending call, and transfers move buffers instead of copying them.
import { MessageChannel, type MessagePort, type TransferListItem } from 'node:worker_threads';
import { answer, createCaller, RemoteError, type Envelope, type ReplyEnvelope } from '#shared/request-reply';

type Req = { op: 'echo'; text: string; delayMs: number } | { op: 'count'; upTo: number } | { op: 'fail' };
interface Replies {
  echo: string;
  count: number;
  fail: never;
}

function connect(serverPort: MessagePort, clientPort: MessagePort) {
  serverPort.on(
    'message',
    (message: Envelope<Req>) =>
      void answer<Req, number, TransferListItem>(
        message,
        async (request, emit) => {
          switch (request.op) {
            case 'echo':
              await new Promise((r) => setTimeout(r, request.delayMs));
              return request.text;
            case 'count':
              for (let i = 1; i <= request.upTo; i++) emit(i);
              return request.upTo;
            case 'fail':
              throw Object.assign(new Error('No such file.'), { code: 'not_found' });
          }
        },
        (reply, transfer) => serverPort.postMessage(reply, transfer),
      ),
  );
  const caller = createCaller<Req, Replies, number, TransferListItem>((envelope, transfer) =>
    clientPort.postMessage(envelope, transfer),
  );
  clientPort.on('message', (reply: ReplyEnvelope<number>) => caller.receive(reply));
  return caller;
}

describe('request/reply', () => {
  const { port1, port2 } = new MessageChannel();
  const caller = connect(port1, port2);
  afterAll(() => {
    port1.close();
    port2.close();
  });

  it('matches replies to calls by id, whatever order they come back in', async () => {
    const slow = caller.call({ op: 'echo', text: 'slow', delayMs: 50 });
    const fast = caller.call({ op: 'echo', text: 'fast', delayMs: 0 });
    expect(await Promise.all([slow, fast])).toEqual(['slow', 'fast']);
    expect(caller.pending).toBe(0);
  });

  it('delivers events before the result', async () => {
    const seen: number[] = [];
    const result = await caller.call({ op: 'count', upTo: 3 }, { onEvent: (n) => seen.push(n) });
    expect(seen).toEqual([1, 2, 3]);
    expect(result).toBe(3);
  });

  it('keeps the failure code and message', async () => {
    const error = await caller.call({ op: 'fail' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No such file.' });
  });

  it('fails every pending call when the other side is gone', async () => {
    const deaf = createCaller<Req, Replies>(() => {});
    const a = deaf.call({ op: 'echo', text: 'a', delayMs: 0 });
    const b = deaf.call({ op: 'count', upTo: 1 });
    deaf.failAll(new Error('The worker stopped.'));
    await expect(a).rejects.toThrow('The worker stopped.');
    await expect(b).rejects.toThrow('The worker stopped.');
    expect(deaf.pending).toBe(0);
  });

  it('transfers buffers listed with a call', async () => {
    const buffer = new ArrayBuffer(16);
    await caller.call({ op: 'echo', text: 'x', delayMs: 0 }, { transfer: [buffer] });
    expect(buffer.byteLength).toBe(0); // detached: moved, not copied
  });
});
