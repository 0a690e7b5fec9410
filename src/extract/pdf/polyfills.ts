/**
 * The few newer built-ins the modern pdf.js build calls on its reading path
 * that Node 20 lacks. Each is added only where it is missing: nothing that
 * exists is replaced (the legacy build instead loads core-js, whose
 * Array.prototype.push wrapper slows every push in the process). Import this
 * module before pdf.js.
 */

function define(target: object, name: string, value: unknown): void {
  if (!(name in target)) Object.defineProperty(target, name, { value, writable: true, configurable: true });
}

define(Promise, 'withResolvers', function withResolvers<T>() {
  let resolve!: (value: T | PromiseLike<T>) => void;
  let reject!: (reason?: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
});

define(
  Promise,
  'try',
  <T>(fn: (...args: unknown[]) => T | PromiseLike<T>, ...args: unknown[]) =>
    new Promise<T>((resolve) => resolve(fn(...args))),
);

interface Keyed<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

for (const proto of [Map.prototype, WeakMap.prototype]) {
  define(proto, 'getOrInsert', function getOrInsert<K, V>(this: Keyed<K, V>, key: K, value: V): V {
    if (!this.has(key)) this.set(key, value);
    return this.get(key)!;
  });
  define(proto, 'getOrInsertComputed', function getOrInsertComputed<
    K,
    V,
  >(this: Keyed<K, V>, key: K, compute: (key: K) => V): V {
    if (!this.has(key)) this.set(key, compute(key));
    return this.get(key)!;
  });
}

define(Uint8Array.prototype, 'toHex', function toHex(this: Uint8Array): string {
  return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('hex');
});

define(Uint8Array.prototype, 'toBase64', function toBase64(this: Uint8Array): string {
  return Buffer.from(this.buffer, this.byteOffset, this.byteLength).toString('base64');
});

// A copy, and the original detached by transferring it, as the real method leaves it.
define(
  ArrayBuffer.prototype,
  'transferToFixedLength',
  function transferToFixedLength(this: ArrayBuffer, length = this.byteLength): ArrayBuffer {
    const copy = new ArrayBuffer(length);
    new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
    structuredClone(this, { transfer: [this] });
    return copy;
  },
);

/**
 * pdf.js builds one identity DOMMatrix when it loads, for canvas rendering,
 * which nianbao never does. The legacy build takes DOMMatrix from the native
 * @napi-rs/canvas addon (some 37 MB and 170 ms at every start); a plain 2-D
 * matrix is all that line needs.
 */
define(
  globalThis,
  'DOMMatrix',
  class DOMMatrix {
    a = 1;
    b = 0;
    c = 0;
    d = 1;
    e = 0;
    f = 0;
    constructor(init?: ArrayLike<number>) {
      if (init?.length !== 6) return;
      const [a, b, c, d, e, f] = Array.from(init);
      Object.assign(this, { a, b, c, d, e, f });
    }
  },
);
