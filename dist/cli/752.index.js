export const id = 752;
export const ids = [752];
export const modules = {

/***/ 83084:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* reexport safe */ _defs_js__WEBPACK_IMPORTED_MODULE_0__.$P),
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   Br: () => (/* reexport safe */ _defs_js__WEBPACK_IMPORTED_MODULE_0__.Br),
/* harmony export */   Z6: () => (/* reexport safe */ _defs_js__WEBPACK_IMPORTED_MODULE_0__.Z6)
/* harmony export */ });
/* unused harmony export asWebStream */
/* harmony import */ var _defs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41008);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79025);
// @ts-self-types="./asWebStream.d.ts"

// asWebStream returns a Web Streams duplex pair ({readable, writable}) that
// runs `fn` per chunk. Per-item backpressure: when desiredSize drops to 0
// after enqueue, the next push returns a Promise that resolves on the next
// pull(). Queue stays at hwm + 1.
//
// NOT a TransformStream — TransformStream.transform() can't suspend mid-call
// to await consumer drain, which is what per-item backpressure needs.





// Unwinds the producer after cancel/abort: a generator stage would otherwise run
// to its natural end (forever, if endless) into a dead stream.
const CANCEL = Symbol.for('object-stream.asWebStreamCancel');

const asWebStream = (fn, options) => {
  if ((0,_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isDuplexWebStream */ .Br)(fn) || (0,_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isReadableWebStream */ .$P)(fn) || (0,_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isWritableWebStream */ .Z6)(fn)) {
    return fn;
  }
  if (typeof fn !== 'function') {
    throw new TypeError('Only a function or Web Streams object is accepted as the first argument');
  }

  // Web Streams' standard `QueuingStrategy` shape ({highWaterMark, size}).
  // `strategy` is shorthand for "apply to both sides"; per-side wins.
  const strategy = options?.strategy;
  const readableStrategy = options?.readableStrategy ?? strategy;
  const writableStrategy = options?.writableStrategy ?? strategy;

  const innerFns = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ(fn) ? fn.fList : null;
  const stages = innerFns ?? [fn];
  const canAbort = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .hasAborters */ .tA)(stages),
    finished = new Set(); // see exec.js noteFinal

  let stopped = false;
  let cancelled = false;
  let flushed = false;
  let releasing = null;
  let readableClosed = false;
  let writableErrored = false;
  let readableController;
  let writableController;
  let pendingDrain = null;
  let rejectDrain = null;

  const unblockDrain = () => {
    if (!pendingDrain) return;
    const resolve = pendingDrain;
    pendingDrain = rejectDrain = null;
    resolve();
  };

  // Rejecting the parked push unwinds the producer even when later stages drop
  // every remaining value, so enqueue would never see `cancelled`.
  const cancelDrain = () => {
    if (!rejectDrain) return;
    const reject = rejectDrain;
    pendingDrain = rejectDrain = null;
    reject(CANCEL);
  };

  // Idempotent: cancel() marks `readableClosed` because the consumer side
  // auto-closes the controller (re-calling close() would throw).
  const closeReadable = () => {
    if (readableClosed) return;
    readableClosed = true;
    readableController.close();
  };
  const errorReadable = reason => {
    if (readableClosed) return;
    readableClosed = true;
    readableController.error(reason);
  };

  // Mirror TransformStream: cancel on the readable side propagates to the
  // writable as an error so the producer learns the consumer gave up.
  const errorWritable = reason => {
    if (writableErrored || !writableController) return;
    writableErrored = true;
    writableController.error(reason);
  };

  const readable = new ReadableStream(
    {
      start(c) {
        readableController = c;
      },
      pull() {
        unblockDrain();
      },
      cancel(reason) {
        readableClosed = true;
        cancelProducer();
        errorWritable(reason);
        return releaseStages().then(rethrow);
      }
    },
    readableStrategy
  );

  // Once a stop has closed the readable side, enqueue silently no-ops so producers
  // see clean completion instead of TypeError from enqueue-on-closed-controller.
  const enqueue = value => {
    if (cancelled) throw CANCEL;
    if (readableClosed) return;
    readableController.enqueue(value);
    if (readableController.desiredSize <= 0) {
      return new Promise((resolve, reject) => {
        pendingDrain = resolve;
        rejectDrain = reject;
      });
    }
  };
  enqueue[_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .dropNullSymbol */ .pm] = true;

  // Teardown: a parked push is rejected with CANCEL, and the push is marked so the
  // executor also stops a generator whose values never reach it
  const cancelProducer = () => {
    stopped = cancelled = true;
    enqueue[_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .cancelSymbol */ .Zf] = CANCEL;
    cancelDrain();
  };

  // Releases the resource-owning stages not flushed or released yet; resolves to the
  // failure to surface, or undefined
  const releaseStages = () => {
    if (flushed || !canAbort) return Promise.resolve(undefined);
    releasing ??= (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .abortStages */ .wk)(stages, finished);
    return releasing;
  };
  const rethrow = failure => {
    if (failure !== undefined) throw failure;
  };

  // Slow-path generator queue (preserves iterator state across re-entry) —
  // used by the single-fn processValue path below.
  const queue = [];

  const pump = async () => {
    while (queue.length) {
      if (cancelled) throw CANCEL; // a generator whose values all get dropped
      const g = queue[queue.length - 1];
      let result = g.next();
      if (result && typeof result.then == 'function') result = await result;
      if (result.done) {
        queue.pop();
        continue;
      }
      let value = result.value;
      if (value && typeof value.then == 'function') value = await value;
      const r = processValue(value);
      if (r) await r;
    }
  };

  // An abnormal exit leaves queued generators suspended at a yield; return()
  // them so their `finally` runs, then re-throw – mirrors exec's nextGen abort.
  const release = async error => {
    while (queue.length) {
      const g = queue.pop();
      try {
        if (g.return) await g.return();
      } catch (cleanupErr) {
        error = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .withCleanupError */ .xX)(error, cleanupErr);
      }
    }
    throw error;
  };

  // Sync-when-possible: returns undefined for plain non-backpressured paths,
  // returns a Promise for promise unwrap / pump drain / backpressure await.
  // Array-of-Many is iterated directly — no iterator allocation per Many.
  const processValue = value => {
    if (value && typeof value.then == 'function') {
      return value.then(processValue);
    }
    if (value == null || value === _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv) return;
    if (value === _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .stop */ .ds) throw new _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .Stop */ .VG();
    if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isMany */ .cw(value)) {
      const values = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getManyValues */ .kS(value);
      let promise;
      for (let i = 0; i < values.length; ++i) {
        if (promise) {
          const ii = i;
          promise = promise.then(() => processValue(values[ii]));
        } else {
          const r = processValue(values[i]);
          if (r) promise = r;
        }
      }
      return promise;
    }
    if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinalValue */ .Cm(value)) {
      return processValue(_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFinalValue */ .ab(value));
    }
    if (value && typeof value.next == 'function') {
      queue.push(value);
      return pump().catch(release);
    }
    return enqueue(value);
  };

  // A stop is a clean end: the stages after the stopper are flushed and the rest
  // released (finishStop), then the readable side closes.
  const endAfterStop = async stop => {
    stopped = true;
    try {
      await (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .finishStop */ .uh)(stages, stop, enqueue, finished);
    } catch (error) {
      errorReadable(error);
      throw error;
    }
    flushed = true;
    closeReadable();
  };

  const writable = new WritableStream(
    {
      // `controller.signal` aborts during writer.abort() BEFORE the sink's
      // abort() callback runs. The spec waits for in-flight write() to
      // settle first — so if write() is awaiting pendingDrain, we'd
      // deadlock unless the signal listener wakes it.
      // Optional-chained because Bun ≤1.3.14 returns `undefined` for the
      // controller's signal (spec-required per WHATWG Streams §4.5.2 but
      // missing in Bun's builtin — see oven-sh/bun#31156 / PR #31157).
      // Fixed upstream (present in Bun 1.4.0); the chaining stays for older
      // Bun, which only loses the abort wakeup.
      start(controller) {
        writableController = controller;
        controller.signal?.addEventListener('abort', cancelProducer);
      },
      async write(chunk) {
        if (stopped) return;
        try {
          if (innerFns) {
            const r = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .next */ .K2)(chunk, innerFns, 0, enqueue);
            if (r) await r;
            return;
          }
          const r = processValue(fn(chunk));
          if (r) await r;
        } catch (error) {
          if (error === CANCEL) return;
          if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)) return endAfterStop(error);
          // Propagate user-function errors to the readable side so downstream
          // consumers (and pipeTo'd stages) learn — matches TransformStream.
          errorReadable(error);
          const failure = await releaseStages();
          throw failure === undefined ? error : (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .withCleanupError */ .xX)(error, failure);
        }
      },
      async close() {
        try {
          if (!stopped) {
            if (innerFns) {
              const r = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .flush */ .bX)(innerFns, 0, enqueue, finished);
              if (r) await r;
            } else if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6(fn)) {
              const r = processValue((0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .noteFinal */ .Tq)(fn(_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv), fn, finished));
              if (r) await r;
            }
            flushed = true;
          }
        } catch (error) {
          if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)) return endAfterStop(error);
          if (error !== CANCEL) {
            errorReadable(error);
            const failure = await releaseStages();
            throw failure === undefined ? error : (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .withCleanupError */ .xX)(error, failure);
          }
        }
        closeReadable();
      },
      abort(reason) {
        cancelProducer();
        errorReadable(reason);
        return releaseStages().then(rethrow);
      }
    },
    writableStrategy
  );

  return {readable, writable};
};

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (asWebStream);



/***/ }),

/***/ 71136:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jk: () => (/* reexport safe */ _gen_js__WEBPACK_IMPORTED_MODULE_1__.A),
/* harmony export */   _d: () => (/* reexport safe */ _defs_js__WEBPACK_IMPORTED_MODULE_0__._d),
/* harmony export */   dv: () => (/* reexport safe */ _defs_js__WEBPACK_IMPORTED_MODULE_0__.dv),
/* harmony export */   rj: () => (/* reexport safe */ _defs_js__WEBPACK_IMPORTED_MODULE_0__.rj)
/* harmony export */ });
/* unused harmony exports chain, chainUnchecked */
/* harmony import */ var _defs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41008);
/* harmony import */ var _gen_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51020);
/* harmony import */ var _fun_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45327);
/* harmony import */ var _dataSource_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(65777);
// @ts-self-types="./index.d.ts"






const chain = (fns, _options) => {
  const flat = (Array.isArray(fns) ? fns : [])
    .flat(Infinity)
    .filter(Boolean)
    .map(fn => (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ(fn) ? _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo(fn) : fn))
    .flat(Infinity);
  const g = (0,_gen_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A)(...flat);
  const c = async function* (input) {
    if (input == null) return;
    if (
      typeof input === 'string' ||
      (input[Symbol.asyncIterator] === undefined && input[Symbol.iterator] === undefined)
    ) {
      yield* g(input);
      return;
    }
    for await (const value of input) yield* g(value);
  };
  c.streams = null;
  c.input = null;
  c.output = null;
  return c;
};

// Override-hook + ChainOutput parity statics (mirrors the /node entry)
chain.none = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv;
chain.stop = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .stop */ .ds;
chain.Stop = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .Stop */ .VG;
chain.stopErrorSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .stopErrorSymbol */ .RM;
chain.isStop = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX;

chain.finalSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .finalSymbol */ .BR;
chain.finalValue = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .finalValue */ .oj;
chain.final = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .final */ .Te;
chain.isFinalValue = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinalValue */ .Cm;
chain.getFinalValue = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFinalValue */ .ab;

chain.manySymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .manySymbol */ .mx;
chain.many = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .many */ ._d;
chain.isMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isMany */ .cw;
chain.getManyValues = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getManyValues */ .kS;

chain.flushSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushSymbol */ .jl;
chain.flushable = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushable */ .rj;
chain.isFlushable = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6;
chain.abortSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .abortSymbol */ .$R;

chain.fListSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .fListSymbol */ .vT;
chain.isFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ;
chain.getFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo;
chain.setFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .setFunctionList */ .zS;
chain.clearFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .clearFunctionList */ ["if"];

chain.toMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .toMany */ .Pu;
chain.normalizeMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeMany */ .n6;
chain.combineMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .combineMany */ .tU;
chain.combineManyMut = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .combineManyMut */ .hQ;

chain.chain = chain;
chain.chainUnchecked = chain;
chain.gen = _gen_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A;
chain.fun = _fun_js__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A;
chain.dataSource = _dataSource_js__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .A;

/* unused harmony default export */ var __WEBPACK_DEFAULT_EXPORT__ = ((/* unused pure expression or super */ null && (chain)));




/***/ }),

/***/ 65777:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony export dataSource */
// @ts-self-types="./dataSource.d.ts"

const dataSource = fn => {
  if (typeof fn == 'function') return fn;
  if (fn) {
    if (typeof fn[Symbol.asyncIterator] == 'function') return fn[Symbol.asyncIterator].bind(fn);
    if (typeof fn[Symbol.iterator] == 'function') return fn[Symbol.iterator].bind(fn);
  }
  throw new TypeError('The argument should be a function or an iterable object.');
};

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (dataSource);



/***/ }),

/***/ 41008:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $P: () => (/* binding */ isReadableWebStream),
/* harmony export */   $R: () => (/* binding */ abortSymbol),
/* harmony export */   BR: () => (/* binding */ finalSymbol),
/* harmony export */   Br: () => (/* binding */ isDuplexWebStream),
/* harmony export */   Cm: () => (/* binding */ isFinalValue),
/* harmony export */   JO: () => (/* binding */ isWritableNodeStream),
/* harmony export */   Pu: () => (/* binding */ toMany),
/* harmony export */   RM: () => (/* binding */ stopErrorSymbol),
/* harmony export */   TJ: () => (/* binding */ isFunctionList),
/* harmony export */   Te: () => (/* binding */ final),
/* harmony export */   VG: () => (/* binding */ Stop),
/* harmony export */   Z6: () => (/* binding */ isWritableWebStream),
/* harmony export */   _d: () => (/* binding */ many),
/* harmony export */   ab: () => (/* binding */ getFinalValue),
/* harmony export */   cw: () => (/* binding */ isMany),
/* harmony export */   ds: () => (/* binding */ stop),
/* harmony export */   dv: () => (/* binding */ none),
/* harmony export */   hQ: () => (/* binding */ combineManyMut),
/* harmony export */   hy: () => (/* binding */ isReadableNodeStream),
/* harmony export */   "if": () => (/* binding */ clearFunctionList),
/* harmony export */   jX: () => (/* binding */ isStop),
/* harmony export */   jl: () => (/* binding */ flushSymbol),
/* harmony export */   jo: () => (/* binding */ getFunctionList),
/* harmony export */   kS: () => (/* binding */ getManyValues),
/* harmony export */   l6: () => (/* binding */ isFlushable),
/* harmony export */   mx: () => (/* binding */ manySymbol),
/* harmony export */   n6: () => (/* binding */ normalizeMany),
/* harmony export */   oj: () => (/* binding */ finalValue),
/* harmony export */   rj: () => (/* binding */ flushable),
/* harmony export */   tU: () => (/* binding */ combineMany),
/* harmony export */   vT: () => (/* binding */ fListSymbol),
/* harmony export */   xZ: () => (/* binding */ isDuplexNodeStream),
/* harmony export */   zS: () => (/* binding */ setFunctionList)
/* harmony export */ });
// @ts-self-types="./defs.d.ts"

const none = Symbol.for('object-stream.none');
const stop = Symbol.for('object-stream.stop');

const finalSymbol = Symbol.for('object-stream.final');
const manySymbol = Symbol.for('object-stream.many');
const flushSymbol = Symbol.for('object-stream.flush');
const abortSymbol = Symbol.for('object-stream.abort');
const fListSymbol = Symbol.for('object-stream.fList');
const stopErrorSymbol = Symbol.for('object-stream.stopError');

const finalValue = value => ({[finalSymbol]: 1, value});
const many = values => ({[manySymbol]: 1, values});

const isFinalValue = o => o && o[finalSymbol] === 1;
const isMany = o => o && o[manySymbol] === 1;
const isFlushable = o => o && o[flushSymbol] === 1;
const isFunctionList = o => o && o[fListSymbol] === 1;
const isStop = o => o && o[stopErrorSymbol] === 1;

const getFinalValue = o => o.value;
const getManyValues = o => o.values;
const getFunctionList = o => o.fList;

const flushable = (write, final = null, abort = null) => {
  const fn = final ? value => (value === none ? final() : write(value)) : write;
  fn[flushSymbol] = 1;
  if (abort) fn[abortSymbol] = abort;
  return fn;
};

const setFunctionList = (o, fns) => {
  o.fList = fns;
  o[fListSymbol] = 1;
  return o;
};

const clearFunctionList = o => {
  delete o.fList;
  delete o[fListSymbol];
  return o;
};

class Stop extends Error {}
// a mark, not the class: another library can throw a compatible Stop without importing this one
Stop.prototype[stopErrorSymbol] = 1;

const toMany = value =>
  value === none ? many([]) : value && value[manySymbol] === 1 ? value : many([value]);

const normalizeMany = o => {
  if (o?.[manySymbol] === 1) {
    switch (o.values.length) {
      case 0:
        return none;
      case 1:
        return o.values[0];
    }
  }
  return o;
};

const combineMany = (...args) => {
  const values = [];
  for (let i = 0; i < args.length; ++i) {
    const a = args[i];
    if (a === none) continue;
    if (a?.[manySymbol] === 1) {
      values.push(...a.values);
    } else {
      values.push(a);
    }
  }
  return many(values);
};

const combineManyMut = (a, ...args) => {
  const values = a === none ? [] : a?.[manySymbol] === 1 ? a.values : [a];
  for (let i = 0; i < args.length; ++i) {
    const b = args[i];
    if (b === none) continue;
    if (b?.[manySymbol] === 1) {
      values.push(...b.values);
    } else {
      values.push(b);
    }
  }
  return many(values);
};

// ---------------------------------------------------------------------------
// Stream type guards (shape-based). Live in defs.js so the symmetric
// is*WebStream and is*NodeStream are co-located and reachable from any
// subpath. Neither path imports `node:stream` — both are duck-typed:
//
// - Web: ReadableStream has `getReader`, WritableStream has `getWriter`
//   (Node streams expose neither).
// - Node: streams expose `.pipe` / `.write` / `.on` plus the private
//   `_readableState` / `_writableState` markers (Web streams expose none).
//
// Node guard logic is taken from
// https://github.com/nodejs/node/blob/master/lib/internal/streams/utils.js
// ---------------------------------------------------------------------------

const isReadableWebStream = x =>
  !!(
    x &&
    typeof x === 'object' &&
    typeof x.getReader === 'function' &&
    typeof x.pipeTo === 'function'
  );

const isWritableWebStream = x =>
  !!(
    x &&
    typeof x === 'object' &&
    typeof x.getWriter === 'function' &&
    typeof x.abort === 'function'
  );

const isDuplexWebStream = x =>
  !!(
    x &&
    typeof x === 'object' &&
    isReadableWebStream(x.readable) &&
    isWritableWebStream(x.writable)
  );

const isReadableNodeStream = obj =>
  obj &&
  typeof obj.pipe === 'function' &&
  typeof obj.on === 'function' &&
  (!obj._writableState ||
    (typeof obj._readableState === 'object' ? obj._readableState.readable : null) !== false) &&
  (!obj._writableState || obj._readableState);

const isWritableNodeStream = obj =>
  obj &&
  typeof obj.write === 'function' &&
  typeof obj.on === 'function' &&
  (!obj._readableState ||
    (typeof obj._writableState === 'object' ? obj._writableState.writable : null) !== false);

const isDuplexNodeStream = obj =>
  obj &&
  typeof obj.pipe === 'function' &&
  obj._readableState &&
  typeof obj.on === 'function' &&
  typeof obj.write === 'function';

// old aliases
const final = finalValue;




/***/ }),

/***/ 79025:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K2: () => (/* binding */ next),
/* harmony export */   TE: () => (/* binding */ stopIndex),
/* harmony export */   Tq: () => (/* binding */ noteFinal),
/* harmony export */   Zf: () => (/* binding */ cancelSymbol),
/* harmony export */   bX: () => (/* binding */ flush),
/* harmony export */   pm: () => (/* binding */ dropNullSymbol),
/* harmony export */   tA: () => (/* binding */ hasAborters),
/* harmony export */   uQ: () => (/* binding */ genBridge),
/* harmony export */   uh: () => (/* binding */ finishStop),
/* harmony export */   wk: () => (/* binding */ abortStages),
/* harmony export */   xX: () => (/* binding */ withCleanupError)
/* harmony export */ });
/* unused harmony exports exec, pipeRunSymbol, releaseStopped */
/* harmony import */ var _defs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41008);
// @ts-self-types="./exec.d.ts"

// Sync-when-possible, value-or-promise executor. Threads a value through a
// function-list, emitting terminal values via a `push` callback. Unlike
// `fun()`'s collect sink (whose return is ignored) the push return is HONORED: when
// push returns a Promise — a downstream backpressure signal — the executor
// suspends AT that push and chains the remainder, preserving a bounded queue.
// Returns undefined when the whole traversal ran synchronously, or a Promise
// when it had to suspend.
//
// Duck-types returned values the way the original 1.x `fun()` did: thenable →
// chain; many() → expand; .next → iterate as a generator; none → drop (null and
// undefined too, for a push marked with dropNullSymbol); stop → throw Stop;
// finalValue → emit and short-circuit. An async generator is
// not special — it's a generator whose next() returned a promise, handled by
// the same suspend/resume path. A sync generator stays synchronous.
//
// This is the engine `asStream` / `asWebStream` will adopt in place of their
// `async function applyFns` (see
// [[projects/stream-chain/design/sync-when-possible-executor]]); kept here as a
// standalone module so it can be unit-tested in isolation.



// On a push function: the value to throw once its owner is torn down.
const cancelSymbol = Symbol.for('object-stream.cancel');

// On a push function: its owner is a stream, which reserves null for its end, so
// null and undefined are dropped at every stage. gen(), fun(), and pipe() pass them.
const dropNullSymbol = Symbol.for('object-stream.dropNull');

// On a pipe() run: its Stop comes after the flush, so drain() ends the run on it.
const pipeRunSymbol = Symbol.for('object-stream.pipeRun');

// On a Stop: the index of the first stage after the one that stopped. Set at every
// stage call it leaves, so an index from an inner pipeline (a `pipe()` stage) is
// replaced by the outer one.
const stopAtSymbol = Symbol.for('object-stream.stopAt');

// gen()'s consumer-side cancel: thrown by a run's own push and caught by its own
// producer, so one value serves every run.
const GEN_CANCEL = Symbol.for('object-stream.genCancel');

const markStop = (error, index) => {
  if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)) error[stopAtSymbol] = index;
  throw error;
};

// Where the flush after a stop starts; a Stop with no index (an adapter's single
// function) leaves no stage after the stopper to flush.
const stopIndex = (stop, fns) => stop[stopAtSymbol] ?? fns.length;

// The error an abnormal exit surfaces when a cleanup also fails (a generator's
// `finally`, fired by `it.return()`, or a stage's `abort`): the cleanup error alone
// when there was no error or only a `stop`, a clean end; both, when the original is a
// real Error; a non-Error control sentinel (gen()'s GEN_CANCEL) keeps its identity, since
// callers compare against it. One home for nextGen's abort and the owners' releases.
const withCleanupError = (err, cleanupErr) => {
  if (err == null || _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(err)) return cleanupErr;
  return err instanceof Error
    ? new AggregateError([err, cleanupErr], 'pipeline error; generator cleanup also failed')
    : err;
};

// Checked once at build time, so a pipeline without an `abort` pays nothing at teardown.
const hasAborters = fns => fns.some(fn => fn[_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .abortSymbol */ .$R]);

// Each flushable stage gets its `final` or its `abort`, at most once: an owner keeps
// one `finished` set per pipeline, holding the stages whose `final` completed or whose
// `abort` was called. A stage whose `final` threw, or is still running, can be aborted.
const noteFinal = (value, fn, finished) => {
  if (value && typeof value.then == 'function') return value.then(v => (finished.add(fn), v));
  finished.add(fn);
  return value;
};

// Releases resource-owning stages among fns[0..to) on abnormal termination, in order,
// skipping those in `finished`; resolves to the failure to surface, or undefined.
const abortStages = async (fns, finished, to = fns.length) => {
  let failure;
  for (let i = 0; i < to; ++i) {
    const fn = fns[i],
      abort = fn[_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .abortSymbol */ .$R];
    if (!abort || finished.has(fn)) continue;
    finished.add(fn);
    try {
      await abort();
    } catch (error) {
      failure =
        failure === undefined
          ? error
          : new AggregateError([failure, error], 'stage cleanup failed more than once');
    }
  }
  return failure;
};

const next = (value, fns, index, push) => {
  for (let i = index; ;) {
    if (value && typeof value.then == 'function') {
      const ii = i;
      return value.then(
        v => next(v, fns, ii, push),
        e => markStop(e, ii)
      );
    }
    if (value === _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv || (value == null && push[dropNullSymbol])) return undefined;
    if (value === _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .stop */ .ds) markStop(new _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .Stop */ .VG(), i);
    if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinalValue */ .Cm(value)) {
      const final = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFinalValue */ .ab(value);
      if (final == null && push[dropNullSymbol]) return undefined;
      return push(final); // emit, bypass remaining fns
    }
    if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isMany */ .cw(value)) {
      return nextMany(_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getManyValues */ .kS(value), fns, i, push);
    }
    if (value && typeof value.next == 'function') {
      return nextGen(value, fns, i, push);
    }
    if (i >= fns.length) {
      return push(value); // terminal plain value
    }
    try {
      value = fns[i++](value);
    } catch (error) {
      markStop(error, i);
    }
  }
};

// Iterate a many() array, threading each element. A resumable `step` stays
// synchronous until one element returns a promise (a backpressure push, or
// genuine async); then it suspends AT that element and resumes the remainder
// via .then(step). Allocating one closure per actual suspension — not one per
// element — keeps live allocation O(1) in the array length even when the
// consumer backpressures from element 0 (the bug a per-element .then chain hit:
// a chunk-sized many() exploded into O(N) live promises). Mirrors nextGen.
const nextMany = (values, fns, i, push) => {
  const step = j => {
    for (; j < values.length; ++j) {
      const r = next(values[j], fns, i, push);
      if (r && typeof r.then == 'function') {
        const jj = j;
        return r.then(() => step(jj + 1));
      }
    }
  };
  return step(0);
};

// Iterate a generator, threading each yield. A resumable `step` keeps a sync
// generator with a draining queue fully synchronous; it goes async only when
// next() returns a promise (async generator) or a yield's push backpressures —
// then resumes via .then(step).
const nextGen = (it, fns, i, push) => {
  const step = () => {
    for (;;) {
      // a torn-down owner marks its push: a generator whose values all get dropped
      // never reaches the push, so it is stopped here, before its next yield
      if (push[cancelSymbol]) throw push[cancelSymbol];
      let data;
      try {
        data = it.next();
      } catch (error) {
        markStop(error, i);
      }
      if (data && typeof data.then == 'function') {
        return data.then(
          d => {
            if (d.done) return;
            const r = next(d.value, fns, i, push);
            return r && typeof r.then == 'function' ? r.then(step) : step();
          },
          e => markStop(e, i)
        );
      }
      if (data.done) return;
      const r = next(data.value, fns, i, push);
      if (r && typeof r.then == 'function') return r.then(step);
    }
  };
  // Abnormal termination — a downstream stage threw (sync or rejected promise),
  // or a push rejected (the gen bridge's consumer GEN_CANCEL) — leaves the source
  // generator suspended at a yield, so its `finally {}` never runs and a
  // resource-owning source (e.g. asyncBlockReader's FileHandle) leaks. Run
  // `it.return()` to fire that finally, awaiting it for an async generator, then
  // re-throw the ORIGINAL error. Normal completion (`data.done`) already ran the
  // generator's own finally — don't touch it. The sync fast path stays
  // overhead-free: a plain `try` plus one `.then(undefined, abort)` only when
  // iteration actually suspended.
  const abort = err => {
    const onCleanupError = cleanupErr => withCleanupError(err, cleanupErr);
    let ret;
    try {
      ret = it.return ? it.return() : undefined;
    } catch (cleanupErr) {
      throw onCleanupError(cleanupErr);
    }
    if (ret && typeof ret.then == 'function') {
      return ret.then(
        () => {
          throw err;
        },
        cleanupErr => {
          throw onCleanupError(cleanupErr);
        }
      );
    }
    throw err;
  };
  let r;
  try {
    r = step();
  } catch (err) {
    return abort(err);
  }
  return r && typeof r.then == 'function' ? r.then(undefined, abort) : r;
};

// Flush flushable stages (called when the factory's driver receives `none`).
// Each flushable's output threads through the stages after it, value-or-promise
// chained. Resumable `step` (same shape as nextMany) keeps live allocation O(1) in
// the number of flushable stages under backpressure. A stop during the flush is a
// clean end for the stages after the stopper: the flush resumes there, and the last
// stop is rethrown at the end. A stopper never precedes the flushable being drained,
// so each resume starts further on. An owner's `finished` set skips the stages already
// released or flushed, and records each `final` that completes.
const flush = (fns, index, push, finished) => {
  let stop = null;
  const resume = error => {
    if (!_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)) throw error;
    stop = error;
    return step(stopIndex(error, fns));
  };
  const step = i => {
    for (; i < fns.length; ++i) {
      const f = fns[i];
      if (!_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6(f) || finished?.has(f)) continue;
      let r;
      try {
        let value;
        try {
          value = f(_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv);
        } catch (error) {
          markStop(error, i + 1);
        }
        if (finished) value = noteFinal(value, f, finished);
        r = next(value, fns, i + 1, push);
      } catch (error) {
        return resume(error);
      }
      if (r && typeof r.then == 'function') {
        const ii = i;
        return r.then(() => step(ii + 1), resume);
      }
    }
    if (stop) throw stop;
  };
  return step(index);
};

// After a stop, the stopper and the stages before it are released, never flushed. A
// failing release ends the pipeline instead, and nothing will flush the stages after
// the stopper, so they are released too. Resolves to the failure, or undefined.
const releaseStopped = async (fns, finished, stop) => {
  const failure = await abortStages(fns, finished, stopIndex(stop, fns));
  if (failure === undefined) return undefined;
  const more = await abortStages(fns, finished);
  return more === undefined
    ? failure
    : new AggregateError([failure, more], 'stage cleanup failed more than once');
};

// A stop is a clean end for the stages after the one that stopped: they are flushed,
// then the rest released. For a driver that flushes on its own (asStream, asWebStream),
// after a stop from its data pass or from its own flush, whose stages are then
// finished. A failing flush releases every stage not finished yet.
const finishStop = async (fns, stop, push, finished) => {
  let error;
  try {
    await flush(fns, stopIndex(stop, fns), push, finished);
  } catch (e) {
    if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(e)) stop = e;
    else error = e;
  }
  const failure =
    error === undefined
      ? await releaseStopped(fns, finished, stop)
      : await abortStages(fns, finished);
  if (failure !== undefined) error = withCleanupError(error, failure);
  if (error !== undefined) throw error;
};

// gen()'s push→pull bridge over the executor (next / flush); with `once`, pipe()'s
// one-shot driver: a call drives one value, then the flush.
const genBridge = (fns, once) => {
  fns = fns
    .filter(fn => fn)
    .flat(Infinity)
    .map(fn => (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ(fn) ? _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo(fn) : fn))
    .flat(Infinity);
  if (!fns.length) {
    fns = [x => x];
  }
  const canAbort = hasAborters(fns),
    finished = new Set(); // see exec.js noteFinal
  let flushed = false,
    stopAt = 0; // after a stop, the flush starts at the stage after the stopper

  // `once`: one value, then the flush, in finishStop's order, as asStream and
  // asWebStream do: after a stop, the stages after the stopper are flushed before the
  // stopper and the stages before it are released
  const drive = async (value, push) => {
    try {
      await next(value, fns, 0, push);
    } catch (error) {
      if (!_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)) throw error;
      await finishStop(fns, error, push, finished);
      throw error;
    }
    await flush(fns, 0, push, finished);
  };

  // push→pull bridge: the shared executor drives the producer (exec.next, or
  // exec.flush on `none`); each push parks on a promise the consumer resolves
  // when it pulls the next value, so production stays one item ahead (bounded).
  // A for-await `break` runs .return() → the finally rejects the parked push
  // with GEN_CANCEL, unwinding exec; the driver swallows it (no leaked producer).
  let g = async function* (value) {
    if (flushed) throw Error('Call to a flushed pipe.');
    const isFlush = !once && value === _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv;
    if (isFlush || once) flushed = true;

    const pending = [];
    /** @type {((value?: any) => void) | null} */
    let wakeConsumer = null;
    /** @type {((value?: any) => void) | null} */
    let resolveProducer = null;
    /** @type {((reason?: any) => void) | null} */
    let rejectProducer = null;
    let done = false,
      error = null,
      cancelled = false,
      completed = false;

    const push = v => {
      if (cancelled) throw GEN_CANCEL;
      pending.push(v);
      if (wakeConsumer) {
        const w = wakeConsumer;
        wakeConsumer = null;
        w();
      }
      return new Promise((res, rej) => {
        resolveProducer = res;
        rejectProducer = rej;
      });
    };

    Promise.resolve()
      .then(() =>
        once
          ? drive(value, push)
          : isFlush
            ? flush(fns, stopAt, push, finished)
            : next(value, fns, 0, push)
      )
      .then(
        () => {},
        e => {
          if (e === GEN_CANCEL) return;
          error = e;
          if (!isFlush && _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(e)) stopAt = stopIndex(e, fns);
        }
      )
      .finally(() => {
        done = true;
        if (wakeConsumer) {
          const w = wakeConsumer;
          wakeConsumer = null;
          w();
        }
      });

    try {
      for (;;) {
        while (pending.length) {
          const v = pending.shift();
          if (resolveProducer) {
            const r = resolveProducer;
            resolveProducer = rejectProducer = null;
            r();
          }
          yield v;
        }
        if (error) throw error;
        if (done) {
          completed = true;
          return;
        }
        await new Promise(res => (wakeConsumer = res));
      }
    } finally {
      cancelled = true;
      push[cancelSymbol] = GEN_CANCEL;
      if (rejectProducer) {
        const rj = rejectProducer;
        resolveProducer = rejectProducer = null;
        rj(GEN_CANCEL);
      }
      // an error or a break: release the resource-owning stages not finished (never a
      // flush); after a stop, only those up to the stopper, the rest waiting for the
      // caller's flush
      if (!completed && canAbort) {
        const failure = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)
          ? await releaseStopped(fns, finished, error)
          : await abortStages(fns, finished);
        if (failure !== undefined) throw withCleanupError(error, failure);
      }
    }
  };

  if (once) return g;
  const needToFlush = fns.some(fn => _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6(fn));
  if (needToFlush) g = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushable */ .rj(g);
  return _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .setFunctionList */ .zS(g, fns);
};

// Factory parallel to fun()/gen(): normalize the fn-list (flatten, unwrap nested
// function-lists, default to identity) and return a push-driven function tagged
// as a function-list. The driver is `(value, push) => void | Promise`; calling
// it with `none` flushes: after a `stop`, only the stages after the stopper.
const exec = (...fns) => {
  fns = fns
    .filter(fn => fn)
    .flat(Infinity)
    .map(fn => (defs.isFunctionList(fn) ? defs.getFunctionList(fn) : fn))
    .flat(Infinity);
  if (!fns.length) {
    fns = [x => x];
  }
  let flushed = false,
    stopAt = 0;
  const noteStop = error => {
    if (defs.isStop(error)) stopAt = stopIndex(error, fns);
    throw error;
  };
  let g = (value, push) => {
    if (flushed) throw Error('Call to a flushed pipe.');
    if (value === defs.none) {
      flushed = true;
      return flush(fns, stopAt, push);
    }
    let r;
    try {
      r = next(value, fns, 0, push);
    } catch (error) {
      noteStop(error);
    }
    return r && typeof r.then == 'function' ? r.then(undefined, noteStop) : r;
  };
  const needToFlush = fns.some(fn => defs.isFlushable(fn));
  if (needToFlush) g = defs.flushable(g);
  return defs.setFunctionList(g, fns);
};

/* unused harmony default export */ var __WEBPACK_DEFAULT_EXPORT__ = ((/* unused pure expression or super */ null && (exec)));



/***/ }),

/***/ 45327:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony export fun */
/* harmony import */ var _defs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41008);
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(79025);
// @ts-self-types="./fun.d.ts"

// fun() runs a pipeline and collects every output into a single Many. It is now
// a thin adapter over the shared value-or-promise executor (exec.next): the
// collect sink never backpressures, so the executor stays synchronous on sync
// pipelines — exactly fun's old behavior, but with one dispatch engine shared
// with asStream/gen (single implementation, single correctness gate). See
// [[projects/stream-chain/design/sync-when-possible-executor]].
//
// Behavioral note vs. the previous bespoke trampoline: `stop` halts without
// flushing buffered flushables (consistent with gen(): the explicit `none` flush
// emits them, after a stop only those of the stages after the stopper), and a sync
// generator stage is iterated synchronously rather than always-async. Output
// values are unchanged.




const asArray = (...fns) => {
  fns = fns
    .filter(fn => fn)
    .flat(Infinity)
    .map(fn => (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ(fn) ? _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo(fn) : fn))
    .flat(Infinity);
  if (!fns.length) {
    fns = [x => x];
  }
  let flushed = false,
    stopAt = 0; // after a stop, the flush starts at the stage after the stopper
  const noteStop = error => {
    if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX(error)) stopAt = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .stopIndex */ .TE)(error, fns);
    throw error;
  };
  // results are per call: overlapping async calls must not share them (as in gen())
  let g = value => {
    if (flushed) throw Error('Call to a flushed pipe.');
    const results = [],
      push = v => {
        results.push(v);
      };
    let pending;
    if (value !== _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv) {
      try {
        pending = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .next */ .K2)(value, fns, 0, push);
      } catch (error) {
        noteStop(error);
      }
    } else {
      flushed = true;
      pending = (0,_exec_js__WEBPACK_IMPORTED_MODULE_1__/* .flush */ .bX)(fns, stopAt, push);
    }
    return pending && typeof pending.then == 'function'
      ? pending.then(() => results, noteStop)
      : results;
  };
  const needToFlush = fns.some(fn => _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6(fn));
  if (needToFlush) g = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushable */ .rj(g);
  return _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .setFunctionList */ .zS(g, fns);
};

const fun = (...fns) => {
  const f = asArray(...fns);
  let g = value => {
    const result = /** @type {any} */ (f(value));
    if (result && typeof result.then == 'function') {
      return result.then(results => _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .many */ ._d(results));
    }
    return _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .many */ ._d(result);
  };
  if (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6(f)) g = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushable */ .rj(g);
  return _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .setFunctionList */ .zS(g, _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo(f));
};

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (fun);



/***/ }),

/***/ 51020:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (__WEBPACK_DEFAULT_EXPORT__)
/* harmony export */ });
/* unused harmony export gen */
/* harmony import */ var _exec_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(79025);
// @ts-self-types="./gen.d.ts"



// gen() builds a push→pull async-generator bridge over the shared executor
// (exec.next / exec.flush) — ~45% faster than the recursive `async function*` it
// replaced, whose native `yield*` delegation instantiated a nested generator per
// many() element. See [[projects/stream-chain/design/sync-when-possible-executor]].
const gen = (...fns) => (0,_exec_js__WEBPACK_IMPORTED_MODULE_0__/* .genBridge */ .uQ)(fns, false);

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (gen);



/***/ }),

/***/ 78348:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fR: () => (/* reexport */ src_asStream)
});

// UNUSED EXPORTS: Stop, abortSymbol, asWebStream, chain, chainUnchecked, clearFunctionList, combineMany, combineManyMut, dataSource, default, fListSymbol, final, finalSymbol, finalValue, flushSymbol, flushable, gen, getFinalValue, getFunctionList, getManyValues, isDuplexNodeStream, isDuplexWebStream, isFinalValue, isFlushable, isFunctionList, isMany, isReadableNodeStream, isReadableWebStream, isStop, isWritableNodeStream, isWritableWebStream, many, manySymbol, none, normalizeMany, setFunctionList, stop, stopErrorSymbol, toMany

// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/defs.js
var defs = __webpack_require__(41008);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/gen.js
var gen = __webpack_require__(51020);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/exec.js
var exec = __webpack_require__(79025);
;// CONCATENATED MODULE: ./node_modules/stream-chain/src/asStream.js
// @ts-self-types="./asStream.d.ts"

// Wraps a function as a Node Duplex with per-item backpressure. When
// stream.push() returns false, the next push returns a Promise that resolves
// on the next read(). Queue stays at hwm + 1 regardless of how many outputs
// one input chunk produces.
//
// The fused multi-fn path runs on the shared value-or-promise executor
// (exec.next / exec.flush) — sync-when-possible, suspending only at a
// backpressuring push; the single-fn path keeps processValue. See
// [[projects/stream-chain/design/sync-when-possible-executor]].





// Unwinds the producer after destroy(): a generator stage would otherwise run to
// its natural end (forever, if endless) into a dead stream.
const CANCEL = Symbol.for('object-stream.asStreamCancel');

const asStream = (fn, options) => {
  if (typeof fn != 'function') {
    throw TypeError('Only a function is accepted as the first argument');
  }

  const innerFns = defs/* isFunctionList */.TJ(fn) ? fn.fList : null;
  const stages = innerFns ?? [fn];
  const canAbort = (0,exec/* hasAborters */.tA)(stages),
    finished = new Set(); // see exec.js noteFinal

  let stopped = false;
  let destroyed = false;
  let flushed = false;
  let nullPushed = false;
  let resolvePaused = null;
  let rejectPaused = null;
  let stream = null;

  const resume = () => {
    if (!resolvePaused) return;
    const resolve = resolvePaused;
    resolvePaused = rejectPaused = null;
    resolve();
  };

  // Rejecting the parked push unwinds the producer even when later stages drop
  // every remaining value, so enqueue would never see `destroyed`.
  const cancelPaused = () => {
    if (!rejectPaused) return;
    const reject = rejectPaused;
    resolvePaused = rejectPaused = null;
    reject(CANCEL);
  };

  // Idempotent: prevents 'error' from push-after-end on duplicate end signals.
  const signalEnd = () => {
    if (nullPushed) return;
    nullPushed = true;
    stream.push(null);
  };

  // Once a stop has ended the readable side, enqueue silently no-ops so producers
  // see clean completion instead of push-after-end errors.
  const enqueue = value => {
    if (destroyed) throw CANCEL;
    if (nullPushed) return;
    if (!stream.push(value)) {
      return new Promise((resolve, reject) => {
        resolvePaused = resolve;
        rejectPaused = reject;
      });
    }
  };
  enqueue[exec/* dropNullSymbol */.pm] = true;

  // Slow-path generator queue (preserves iterator state across re-entry) —
  // used by the single-fn processValue path below.
  const queue = [];

  const pump = async () => {
    while (queue.length) {
      if (destroyed) throw CANCEL; // a generator whose values all get dropped
      const g = queue[queue.length - 1];
      let result = g.next();
      if (result && typeof result.then == 'function') result = await result;
      if (result.done) {
        queue.pop();
        continue;
      }
      let value = result.value;
      if (value && typeof value.then == 'function') value = await value;
      const r = processValue(value);
      if (r) await r;
    }
  };

  // An abnormal exit leaves queued generators suspended at a yield; return()
  // them so their `finally` runs, then re-throw – mirrors exec's nextGen abort.
  const release = async error => {
    while (queue.length) {
      const g = queue.pop();
      try {
        if (g.return) await g.return();
      } catch (cleanupErr) {
        error = (0,exec/* withCleanupError */.xX)(error, cleanupErr);
      }
    }
    throw error;
  };

  // Sync-when-possible single-fn path: returns undefined for plain
  // non-backpressured paths, a Promise for promise unwrap / pump drain /
  // backpressure await. Array-of-Many is iterated directly.
  const processValue = value => {
    if (value && typeof value.then == 'function') {
      return value.then(processValue);
    }
    if (value == null || value === defs/* none */.dv) return;
    if (value === defs/* stop */.ds) throw new defs/* Stop */.VG();
    if (defs/* isMany */.cw(value)) {
      const values = defs/* getManyValues */.kS(value);
      let promise;
      for (let i = 0; i < values.length; ++i) {
        if (promise) {
          const ii = i;
          promise = promise.then(() => processValue(values[ii]));
        } else {
          const r = processValue(values[i]);
          if (r) promise = r;
        }
      }
      return promise;
    }
    if (defs/* isFinalValue */.Cm(value)) {
      return processValue(defs/* getFinalValue */.ab(value));
    }
    if (value && typeof value.next == 'function') {
      queue.push(value);
      return pump().catch(release);
    }
    return enqueue(value);
  };

  // A stop is a clean end: the stages after the stopper are flushed and the rest
  // released (finishStop), then the readable side ends.
  const finishWrite = (callback, error) => {
    if (!error || error === CANCEL) {
      callback(null);
    } else if (!defs/* isStop */.jX(error)) {
      callback(error);
    } else {
      stopped = true;
      (0,exec/* finishStop */.uh)(stages, error, enqueue, finished).then(
        () => {
          flushed = true;
          signalEnd();
          callback(null);
        },
        failure => callback(failure)
      );
    }
  };

  stream = new external_node_stream_.Duplex({
    writableObjectMode: true,
    readableObjectMode: true,
    ...options,
    write(chunk, encoding, callback) {
      if (stopped) return callback(null);
      if (innerFns) {
        let r;
        try {
          r = (0,exec/* next */.K2)(chunk, innerFns, 0, enqueue);
        } catch (error) {
          return finishWrite(callback, error);
        }
        if (r && typeof r.then == 'function') {
          r.then(
            () => callback(null),
            error => finishWrite(callback, error)
          );
        } else {
          callback(null); // ran fully sync — no promise, no microtask
        }
        return;
      }
      let r;
      try {
        r = processValue(fn(chunk, encoding));
      } catch (error) {
        return finishWrite(callback, error);
      }
      if (r) {
        r.then(
          () => callback(null),
          error => finishWrite(callback, error)
        );
      } else {
        callback(null);
      }
    },
    final(callback) {
      const onComplete = () => {
        flushed = true;
        signalEnd();
        callback(null);
      };
      if (stopped) {
        onComplete(); // the stop already flushed the stages after the stopper
        return;
      }
      if (innerFns) {
        let r;
        try {
          r = (0,exec/* flush */.bX)(innerFns, 0, enqueue, finished);
        } catch (error) {
          return finishWrite(callback, error);
        }
        if (r && typeof r.then == 'function') {
          r.then(onComplete, error => finishWrite(callback, error));
        } else {
          onComplete();
        }
        return;
      }
      if (!defs/* isFlushable */.l6(fn)) {
        onComplete();
        return;
      }
      let r;
      try {
        const value = fn(defs/* none */.dv, null);
        r = processValue((0,exec/* noteFinal */.Tq)(value, fn, finished));
      } catch (error) {
        return finishWrite(callback, error);
      }
      if (r) {
        r.then(onComplete, error => finishWrite(callback, error));
      } else {
        onComplete();
      }
    },
    read() {
      resume();
    },
    // Unblock any pending paused-promise so an in-flight write can settle —
    // mirrors asWebStream's controller.signal listener for writer.abort().
    destroy(error, callback) {
      stopped = destroyed = true;
      enqueue[exec/* cancelSymbol */.Zf] = CANCEL;
      cancelPaused();
      // release the stages not flushed or released yet, never flush
      if (flushed || !canAbort) {
        callback(error);
        return;
      }
      (0,exec/* abortStages */.wk)(stages, finished).then(failure =>
        callback(
          failure === undefined ? error : /** @type {Error} */ ((0,exec/* withCleanupError */.xX)(error, failure))
        )
      );
    }
  });

  return stream;
};

/* harmony default export */ const src_asStream = (asStream);


// EXTERNAL MODULE: ./node_modules/stream-chain/src/asWebStream.js
var asWebStream = __webpack_require__(83084);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/dataSource.js
var dataSource = __webpack_require__(65777);
;// CONCATENATED MODULE: ./node_modules/stream-chain/src/index.js
// @ts-self-types="./index.d.ts"








const {
  /* isReadableWebStream */ "$P": isReadableWebStream,
  /* isWritableWebStream */ "Z6": isWritableWebStream,
  /* isDuplexWebStream */ "Br": isDuplexWebStream,
  /* isReadableNodeStream */ "hy": isReadableNodeStream,
  /* isWritableNodeStream */ "JO": isWritableNodeStream,
  /* isDuplexNodeStream */ "xZ": isDuplexNodeStream
} = defs;

const groupFunctions = (output, fn, index, fns) => {
  if (
    isDuplexNodeStream(fn) ||
    (!index && isReadableNodeStream(fn)) ||
    (index === fns.length - 1 && isWritableNodeStream(fn))
  ) {
    output.push(fn);
    return output;
  }
  if (isDuplexWebStream(fn)) {
    output.push(external_node_stream_.Duplex.fromWeb(fn, {objectMode: true}));
    return output;
  }
  if (!index && isReadableWebStream(fn)) {
    output.push(external_node_stream_.Readable.fromWeb(fn, {objectMode: true}));
    return output;
  }
  if (index === fns.length - 1 && isWritableWebStream(fn)) {
    output.push(external_node_stream_.Writable.fromWeb(fn, {objectMode: true}));
    return output;
  }
  if (typeof fn != 'function')
    throw TypeError('Item #' + index + ' is not a proper stream, nor a function.');
  if (!output.length) output.push([]);
  const last = output[output.length - 1];
  if (Array.isArray(last)) {
    last.push(fn);
  } else {
    output.push([fn]);
  }
  return output;
};

const produceStreams = item => {
  if (Array.isArray(item)) {
    if (!item.length) return null;
    if (item.length == 1) return item[0] && /** @type {any} */ (src_chain).asStream(item[0]);
    return /** @type {any} */ (src_chain).asStream(/** @type {any} */ (src_chain).gen(...item));
  }
  return item;
};

const wrapFunctions = (fn, index, fns) => {
  if (
    isDuplexNodeStream(fn) ||
    (!index && isReadableNodeStream(fn)) ||
    (index === fns.length - 1 && isWritableNodeStream(fn))
  ) {
    return fn; // an acceptable stream
  }
  if (isDuplexWebStream(fn)) {
    return external_node_stream_.Duplex.fromWeb(fn, {objectMode: true});
  }
  if (!index && isReadableWebStream(fn)) {
    return external_node_stream_.Readable.fromWeb(fn, {objectMode: true});
  }
  if (index === fns.length - 1 && isWritableWebStream(fn)) {
    return external_node_stream_.Writable.fromWeb(fn, {objectMode: true});
  }
  if (typeof fn == 'function') return /** @type {any} */ (src_chain).asStream(fn); // a function
  throw TypeError('Item #' + index + ' is not a proper stream, nor a function.');
};

// default implementation of required stream methods

const write = (input, chunk, encoding, callback) => {
  let error = null;
  try {
    input.write(chunk, encoding, e => callback(e || error));
  } catch (e) {
    error = e;
  }
};

const src_final = (input, callback) => {
  let error = null;
  try {
    input.end(null, null, e => callback(e || error));
  } catch (e) {
    error = e;
  }
};

const read = output => {
  output.resume();
};

// the chain creator

const src_chain = (fns, options) => {
  if (!Array.isArray(fns) || !fns.length) {
    throw TypeError("Chain's first argument should be a non-empty array.");
  }

  fns = fns.flat(Infinity).filter(fn => fn);

  const streams = (
      options?.noGrouping
        ? fns.map(wrapFunctions)
        : fns
            .map(fn => (defs/* isFunctionList */.TJ(fn) ? defs/* getFunctionList */.jo(fn) : fn))
            .flat(Infinity)
            .reduce(groupFunctions, [])
            .map(produceStreams)
    ).filter(s => s),
    input = streams[0],
    output = streams.reduce((output, item) => (output && output.pipe(item)) || item);

  let stream = null; // will be assigned later

  let writeMethod = (chunk, encoding, callback) => write(input, chunk, encoding, callback),
    finalMethod = callback => src_final(input, callback),
    readMethod = () => read(output);

  if (!isWritableNodeStream(input)) {
    writeMethod = (_1, _2, callback) => callback(null);
    finalMethod = callback => callback(null);
    input.on('end', () => stream.end());
  }

  if (isReadableNodeStream(output)) {
    output.on('data', chunk => !stream.push(chunk) && output.pause());
    output.on('end', () => stream.push(null));
  } else {
    readMethod = () => {}; // nop
    output.on('finish', () => stream.push(null));
  }

  stream = /** @type {Duplex & {streams: any[], input: any, output: any}} */ (
    new external_node_stream_.Duplex({
      writableObjectMode: true,
      readableObjectMode: true,
      ...options,
      readable: isReadableNodeStream(output),
      writable: isWritableNodeStream(input),
      write: writeMethod,
      final: finalMethod,
      read: readMethod,
      destroy(error, callback) {
        // a clean end leaves the inner streams alone: an output's writable side can
        // outlast its readable side; no error is passed down, since inner 'error'
        // events are re-emitted on this stream
        if (!stream.writableFinished || !stream.readableEnded) {
          for (const item of streams) item.destroy();
        }
        callback(error);
      }
    })
  );
  stream.streams = streams;
  stream.input = input;
  stream.output = output;

  if (!isReadableNodeStream(output)) {
    stream.resume();
  }

  // connect events
  if (!options?.skipEvents) {
    streams.forEach(item => item.on('error', error => stream.emit('error', error)));
  }

  return stream;
};

// from defs.js
src_chain.none = defs/* none */.dv;
src_chain.stop = defs/* stop */.ds;
src_chain.Stop = defs/* Stop */.VG;
src_chain.stopErrorSymbol = defs/* stopErrorSymbol */.RM;
src_chain.isStop = defs/* isStop */.jX;

src_chain.finalSymbol = defs/* finalSymbol */.BR;
src_chain.finalValue = defs/* finalValue */.oj;
src_chain.final = defs/* final */.Te;
src_chain.isFinalValue = defs/* isFinalValue */.Cm;
src_chain.getFinalValue = defs/* getFinalValue */.ab;

src_chain.manySymbol = defs/* manySymbol */.mx;
src_chain.many = defs/* many */._d;
src_chain.isMany = defs/* isMany */.cw;
src_chain.getManyValues = defs/* getManyValues */.kS;

src_chain.flushSymbol = defs/* flushSymbol */.jl;
src_chain.flushable = defs/* flushable */.rj;
src_chain.isFlushable = defs/* isFlushable */.l6;
src_chain.abortSymbol = defs/* abortSymbol */.$R;

src_chain.fListSymbol = defs/* fListSymbol */.vT;
src_chain.isFunctionList = defs/* isFunctionList */.TJ;
src_chain.getFunctionList = defs/* getFunctionList */.jo;
src_chain.setFunctionList = defs/* setFunctionList */.zS;
src_chain.clearFunctionList = defs/* clearFunctionList */["if"];

src_chain.toMany = defs/* toMany */.Pu;
src_chain.normalizeMany = defs/* normalizeMany */.n6;
src_chain.combineMany = defs/* combineMany */.tU;
src_chain.combineManyMut = defs/* combineManyMut */.hQ;

src_chain.chain = src_chain; // for compatibility with 2.x
src_chain.chainUnchecked = src_chain; // for TypeScript to bypass type checks
src_chain.gen = gen/* default */.A;
src_chain.asStream = src_asStream;
src_chain.asWebStream = asWebStream/* default */.Ay;

src_chain.dataSource = dataSource/* default */.A;

/* harmony default export */ const src = ((/* unused pure expression or super */ null && (src_chain)));



;// CONCATENATED MODULE: ./node_modules/stream-chain/src/node/index.js
// @ts-self-types="./index.d.ts"

// /node subpath entry — re-exports the canonical chain runtime from `src/index.js`.
// `asWebStream` is attached to chain in `src/index.js`; no per-subpath wiring needed.



/* harmony default export */ const node = ((/* unused pure expression or super */ null && (chain)));



/***/ }),

/***/ 2319:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HR: () => (/* reexport safe */ _asWebStream_js__WEBPACK_IMPORTED_MODULE_3__.Ay)
/* harmony export */ });
/* unused harmony exports chain, chainUnchecked */
/* harmony import */ var _defs_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41008);
/* harmony import */ var _gen_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51020);
/* harmony import */ var _fun_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45327);
/* harmony import */ var _dataSource_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(65777);
/* harmony import */ var _asWebStream_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(83084);
// @ts-self-types="./index.d.ts"







// Group consecutive functions into arrays (mirrors /node's groupFunctions) so the
// produceStages step can bundle each group into a single asWebStream(gen(...group))
// call — taking asWebStream's fused-executor path (exec.next) instead of one
// TransformStream per function.
const groupFunctions = (output, item, index, items) => {
  if ((0,_asWebStream_js__WEBPACK_IMPORTED_MODULE_3__/* .isDuplexWebStream */ .Br)(item)) {
    output.push(item);
    return output;
  }
  if (!index && (0,_asWebStream_js__WEBPACK_IMPORTED_MODULE_3__/* .isReadableWebStream */ .$P)(item)) {
    output.push({readable: item, writable: null});
    return output;
  }
  if (index === items.length - 1 && (0,_asWebStream_js__WEBPACK_IMPORTED_MODULE_3__/* .isWritableWebStream */ .Z6)(item)) {
    output.push({readable: null, writable: item});
    return output;
  }
  if (typeof item !== 'function') {
    throw new TypeError(`Item #${index} is not a Web Streams object or function.`);
  }
  if (!output.length) output.push([]);
  const last = output[output.length - 1];
  if (Array.isArray(last)) {
    last.push(item);
  } else {
    output.push([item]);
  }
  return output;
};

// Factory: returns a stage-producer bound to the chain's options. Options are
// forwarded to every newly-wrapped asWebStream stage (existing stream items
// passed in by the user keep their own settings — chain doesn't reconfigure them).
const makeProduceStages = options => item => {
  if (Array.isArray(item)) {
    if (!item.length) return null;
    if (item.length === 1) return /** @type {any} */ (chain).asWebStream(item[0], options);
    return /** @type {any} */ (chain).asWebStream(/** @type {any} */ (chain).gen(...item), options);
  }
  return item;
};

const chain = (fns, options) => {
  if (!Array.isArray(fns) || !fns.length) {
    throw new TypeError("Chain's first argument should be a non-empty array.");
  }

  fns = fns
    .flat(Infinity)
    .filter(Boolean)
    .map(fn => (_defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ(fn) ? _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo(fn) : fn))
    .flat(Infinity);

  if (!fns.length) {
    throw new TypeError("Chain's first argument is empty after flattening.");
  }

  const stages = fns
    .reduce(groupFunctions, [])
    .map(makeProduceStages(options))
    .filter(s => s);

  // Pipe stages together. pipeTo handles backpressure + error propagation.
  for (let i = 0; i < stages.length - 1; ++i) {
    const from = stages[i].readable;
    const to = stages[i + 1].writable;
    if (!from) {
      throw new TypeError(`Stage #${i} has no readable side; cannot pipe to next stage.`);
    }
    if (!to) {
      throw new TypeError(`Stage #${i + 1} has no writable side; cannot accept input.`);
    }
    from.pipeTo(to).catch(() => {});
  }

  const c = {
    readable: stages[stages.length - 1].readable,
    writable: stages[0].writable,
    streams: stages,
    input: stages[0],
    output: stages[stages.length - 1]
  };

  return c;
};

// Override-hook + ChainOutput parity statics (mirrors /node and /core).
chain.none = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv;
chain.stop = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .stop */ .ds;
chain.Stop = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .Stop */ .VG;
chain.stopErrorSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .stopErrorSymbol */ .RM;
chain.isStop = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isStop */ .jX;

chain.finalSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .finalSymbol */ .BR;
chain.finalValue = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .finalValue */ .oj;
chain.final = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .final */ .Te;
chain.isFinalValue = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFinalValue */ .Cm;
chain.getFinalValue = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFinalValue */ .ab;

chain.manySymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .manySymbol */ .mx;
chain.many = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .many */ ._d;
chain.isMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isMany */ .cw;
chain.getManyValues = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getManyValues */ .kS;

chain.flushSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushSymbol */ .jl;
chain.flushable = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .flushable */ .rj;
chain.isFlushable = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFlushable */ .l6;
chain.abortSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .abortSymbol */ .$R;

chain.fListSymbol = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .fListSymbol */ .vT;
chain.isFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .isFunctionList */ .TJ;
chain.getFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .getFunctionList */ .jo;
chain.setFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .setFunctionList */ .zS;
chain.clearFunctionList = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .clearFunctionList */ ["if"];

chain.toMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .toMany */ .Pu;
chain.normalizeMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .normalizeMany */ .n6;
chain.combineMany = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .combineMany */ .tU;
chain.combineManyMut = _defs_js__WEBPACK_IMPORTED_MODULE_0__/* .combineManyMut */ .hQ;

chain.chain = chain;
chain.chainUnchecked = chain;
chain.gen = _gen_js__WEBPACK_IMPORTED_MODULE_1__/* ["default"] */ .A;
chain.fun = _fun_js__WEBPACK_IMPORTED_MODULE_2__/* ["default"] */ .A;
chain.asWebStream = _asWebStream_js__WEBPACK_IMPORTED_MODULE_3__/* ["default"] */ .Ay;
chain.dataSource = _dataSource_js__WEBPACK_IMPORTED_MODULE_4__/* ["default"] */ .A;

/* unused harmony default export */ var __WEBPACK_DEFAULT_EXPORT__ = ((/* unused pure expression or super */ null && (chain)));





/***/ }),

/***/ 47991:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* reexport safe */ _core_assembler_js__WEBPACK_IMPORTED_MODULE_0__.Ay)
/* harmony export */ });
/* harmony import */ var _core_assembler_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51635);
// @ts-self-types="./assembler.d.ts"





/***/ }),

/***/ 51635:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (__WEBPACK_DEFAULT_EXPORT__),
/* harmony export */   tm: () => (/* binding */ assembler)
/* harmony export */ });
/* unused harmony export Assembler */
/* harmony import */ var stream_chain_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(71136);
// @ts-self-types="./assembler.d.ts"



const startObject = Ctr =>
  /** @this {Assembler} */
  function () {
    if (this.done) {
      this.done = false;
    } else {
      this.stack.push(this.current, this.key);
    }
    this.current = new Ctr();
    this.key = null;
  };

class Assembler {
  static connectTo(stream, options) {
    return new Assembler(options).connectTo(stream);
  }

  constructor(options) {
    this.stack = [];
    this.current = this.key = null;
    this.done = true;
    this._onDone = null;
    if (options) {
      this.reviver = typeof options.reviver == 'function' && options.reviver;
      if (this.reviver) {
        this.stringValue = this._saveValue = this._saveValueWithReviver;
      }
      if (options.numberAsString) {
        this.numberValue = this.stringValue;
      }
      if (typeof options.onDone == 'function') {
        this._onDone = options.onDone;
      }
    }

    this.tapChain = chunk => {
      if (this[chunk.name]) {
        this[chunk.name](chunk.value);
        if (this.done) return this.current;
      }
      return stream_chain_core__WEBPACK_IMPORTED_MODULE_0__/* .none */ .dv;
    };
  }

  connectTo(stream) {
    const consume = chunk => {
      if (this[chunk.name]) {
        this[chunk.name](chunk.value);
        if (this.done) this._onDone?.(this);
      }
    };
    if (typeof stream?.getReader === 'function') {
      const reader = stream.getReader();
      (async () => {
        try {
          for (;;) {
            const {done, value} = await reader.read();
            if (done) return;
            consume(value);
          }
        } finally {
          reader.releaseLock();
        }
      })();
    } else {
      stream.on('data', consume);
    }
    return this;
  }

  onDone(fn) {
    this._onDone = typeof fn == 'function' ? fn : null;
    return this;
  }

  get depth() {
    return (this.stack.length >> 1) + (this.done ? 0 : 1);
  }

  get path() {
    const path = [];
    for (let i = 0; i < this.stack.length; i += 2) {
      const key = this.stack[i + 1];
      path.push(key === null ? this.stack[i].length : key);
    }
    return path;
  }

  dropToLevel(level) {
    if (level < this.depth) {
      if (level > 0) {
        const index = (level - 1) << 1;
        this.current = this.stack[index];
        this.key = this.stack[index + 1];
        this.stack.splice(index);
      } else {
        this.stack = [];
        this.current = this.key = null;
        this.done = true;
      }
    }
    return this;
  }

  consume(chunk) {
    this[chunk.name]?.(chunk.value);
    return this;
  }

  keyValue(value) {
    this.key = value;
  }

  //stringValue() - aliased below to _saveValue()

  numberValue(value) {
    this._saveValue(parseFloat(value));
  }
  nullValue() {
    this._saveValue(null);
  }
  trueValue() {
    this._saveValue(true);
  }
  falseValue() {
    this._saveValue(false);
  }

  //startObject() - assigned below

  endObject() {
    if (this.stack.length) {
      const value = this.current;
      this.key = this.stack.pop();
      this.current = this.stack.pop();
      this._saveValue(value);
    } else {
      if (this.reviver) {
        this.current = this.reviver.call({'': this.current}, '', this.current);
      }
      this.done = true;
    }
  }

  //startArray() - assigned below
  //endArray() - aliased below to endObject()

  _saveValue(value) {
    if (this.done) {
      this.current = value;
      return;
    }
    if (this.current instanceof Array) {
      this.current.push(value);
    } else {
      // like JSON.parse: an own property, never the inherited __proto__ setter
      if (this.key === '__proto__') {
        Object.defineProperty(this.current, this.key, {value, writable: true, enumerable: true, configurable: true});
      } else {
        this.current[this.key] = value;
      }
      this.key = null;
    }
  }
  _saveValueWithReviver(value) {
    if (this.done) {
      this.current = this.reviver.call({'': value}, '', value);
      return;
    }
    if (this.current instanceof Array) {
      this.current.push(value);
      value = this.reviver.call(this.current, String(this.current.length - 1), value);
      if (value === undefined) {
        delete this.current[this.current.length - 1];
      } else {
        this.current[this.current.length - 1] = value;
      }
    } else {
      value = this.reviver.call(this.current, this.key, value);
      if (value !== undefined) {
        if (this.key === '__proto__') {
          Object.defineProperty(this.current, this.key, {value, writable: true, enumerable: true, configurable: true});
        } else {
          this.current[this.key] = value;
        }
      }
      this.key = null;
    }
  }
}

// TS 7 checkJs: no expando-prototype inference
const proto = /** @type {any} */ (Assembler.prototype);
proto.stringValue = Assembler.prototype._saveValue;
proto.startObject = startObject(Object);
proto.startArray = startObject(Array);
proto.endArray = Assembler.prototype.endObject;

const assembler = options => new Assembler(options);
Assembler.assembler = assembler;

/* harmony default export */ const __WEBPACK_DEFAULT_EXPORT__ = (Assembler);



/***/ }),

/***/ 53336:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ay: () => (/* binding */ core_parser)
});

// UNUSED EXPORTS: jsonParser, parser

// EXTERNAL MODULE: ./node_modules/stream-chain/src/core/index.js
var core = __webpack_require__(71136);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/defs.js
var defs = __webpack_require__(41008);
;// CONCATENATED MODULE: ./node_modules/stream-chain/src/utils/fixUtf8Stream.js
// @ts-self-types="./fixUtf8Stream.d.ts"



// The WHATWG decoding rule: a U+FEFF that starts the first output is a byte-order
// mark. Applied here for every input on every runtime: StringDecoder keeps the BOM,
// and Deno 2.9.8's TextDecoder also drops a U+FEFF that starts a later decode() call
// (denoland/deno#37090).
const dropBOM = s => (s.charCodeAt(0) === 0xfeff ? s.slice(1) : s);

// The BOM check is an inline flag, not a self-replacing function: the pipeline holds
// this stage, so swapping it needs a trampoline call per chunk (+10% on 64-byte chunks).

const makeTextDecoderImpl = options => {
  const textDecoder = new TextDecoder('utf-8', {ignoreBOM: true});
  let atStart = !options?.ignoreBOM;
  return (0,defs/* flushable */.rj)(chunk => {
    let s;
    if (chunk === defs/* none */.dv) s = textDecoder.decode();
    else if (typeof chunk == 'string') s = chunk;
    else if (chunk instanceof Uint8Array) s = textDecoder.decode(chunk, {stream: true});
    else throw new TypeError('Expected a string or a Uint8Array');
    if (!atStart || !s) return s;
    atStart = false;
    return dropBOM(s);
  });
};

const makeStringDecoderImpl = StringDecoder => options => {
  const stringDecoder = new StringDecoder();
  let atStart = !options?.ignoreBOM;
  return (0,defs/* flushable */.rj)(chunk => {
    let s;
    if (chunk === defs/* none */.dv) s = stringDecoder.end();
    else if (typeof chunk == 'string') s = chunk;
    else if (chunk instanceof Uint8Array) s = stringDecoder.write(chunk);
    else throw new TypeError('Expected a string or a Uint8Array');
    if (!atStart || !s) return s;
    atStart = false;
    return dropBOM(s);
  });
};

// Default to TextDecoder — works in every runtime (Node, Bun, Deno, browser).
// On Node, asynchronously upgrade to StringDecoder, 2–7× faster on the decoder
// hot path on Node 24 and 26 (on Node 22: 3.5× on ASCII, slower on multi-byte
// text; bench/decoder-stringdecoder-vs-textdecoder.js, 2026-10-26).
// Fire-and-forget: composing fixUtf8Stream() before the upgrade lands yields a
// TextDecoder-backed stage; after, a StringDecoder-backed one. Both drop a
// leading BOM. Callers needing the fast path on Node can `await whenReady()`
// before composition.
//
// Bun and Deno stay on TextDecoder per benchmarks: Bun is a wash, Deno
// actively prefers TextDecoder over its node-compat StringDecoder.

let impl = makeTextDecoderImpl;

const isDeno = typeof globalThis['Deno'] == 'object' && globalThis['Deno']?.version;
const isBun = typeof globalThis['Bun'] == 'object' && globalThis['Bun']?.version;
const isNode = !isDeno && !isBun && typeof process == 'object' && process?.versions?.node;

const readyPromise = isNode
  ? Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 46193, 19)).then(
      ({StringDecoder}) => {
        impl = makeStringDecoderImpl(StringDecoder);
      },
      () => {} // squelch — stick with TextDecoder
    )
  : Promise.resolve();

const fixUtf8Stream = options => impl(options);
const whenReady = () => readyPromise;

/* harmony default export */ const utils_fixUtf8Stream = (fixUtf8Stream);


;// CONCATENATED MODULE: ./node_modules/stream-json/src/core/parser.js
// @ts-self-types="./parser.d.ts"

// charCodeAt-based JSON tokenizer. Structural classification (value/key/colon/
// comma-stop/done) and whitespace skipping use charCodeAt + integer compares
// instead of regex alternations (~21x cheaper per the dispatch-bench classify
// experiment). Short strings, keys and numbers take a whole-lexeme fast path
// (one regex match -> one set of tokens). Escapes, long (>256) strings,
// literals (true/false/null) and any lexeme that abuts the buffer tail fall
// back to the incremental regex state machine below, preserving exact
// resumability and error behavior.




const patterns = {
  value1: /[\"\{\[\]\-\d]|true\b|false\b|null\b|\s{1,256}/y,
  string: /[^\x00-\x1f\"\\]{1,256}|\\[bfnrt\"\\\/]|\\u[\da-fA-F]{4}|\"/y,
  numberStart: /\d/y,
  numberDigit: /\d{0,256}/y,
  numberFraction: /[\.eE]/y,
  numberExponent: /[eE]/y,
  numberExpSign: /[-+]/y
};
const MAX_PATTERN_SIZE = 16;

patterns.numberFracStart = patterns.numberExpStart = patterns.numberStart;
patterns.numberFracDigit = patterns.numberExpDigit = patterns.numberDigit;

const expected = {object: 'objectStop', array: 'arrayStop', '': 'done'};

const tokenStartObject = {name: 'startObject'},
  tokenEndObject = {name: 'endObject'},
  tokenStartArray = {name: 'startArray'},
  tokenEndArray = {name: 'endArray'},
  tokenStartString = {name: 'startString'},
  tokenEndString = {name: 'endString'},
  tokenStartNumber = {name: 'startNumber'},
  tokenEndNumber = {name: 'endNumber'},
  tokenStartKey = {name: 'startKey'},
  tokenEndKey = {name: 'endKey'},
  literalTokens = {
    true: {name: 'trueValue', value: true},
    false: {name: 'falseValue', value: false},
    null: {name: 'nullValue', value: null}
  };

// long hexadecimal codes: \uXXXX
const fromHex = s => String.fromCharCode(parseInt(s.slice(2), 16));

// short codes: \b \f \n \r \t \" \\ \/
const codes = {b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', '/': '/'};

// ASCII code points of the JSON syntax characters (each folds to a constant at load)
const ASCII_TAB = '\t'.charCodeAt(0),
  ASCII_LF = '\n'.charCodeAt(0),
  ASCII_CR = '\r'.charCodeAt(0),
  ASCII_SPACE = ' '.charCodeAt(0),
  ASCII_QUOTE = '"'.charCodeAt(0),
  ASCII_BACKSLASH = '\\'.charCodeAt(0),
  ASCII_OPEN_BRACE = '{'.charCodeAt(0),
  ASCII_CLOSE_BRACE = '}'.charCodeAt(0),
  ASCII_OPEN_BRACKET = '['.charCodeAt(0),
  ASCII_CLOSE_BRACKET = ']'.charCodeAt(0),
  ASCII_MINUS = '-'.charCodeAt(0),
  ASCII_COLON = ':'.charCodeAt(0),
  ASCII_COMMA = ','.charCodeAt(0),
  ASCII_ZERO = '0'.charCodeAt(0),
  ASCII_NINE = '9'.charCodeAt(0),
  ASCII_UPPER_A = 'A'.charCodeAt(0),
  ASCII_UPPER_F = 'F'.charCodeAt(0),
  ASCII_LOWER_A = 'a'.charCodeAt(0),
  ASCII_LOWER_F = 'f'.charCodeAt(0),
  ASCII_LOWER_N = 'n'.charCodeAt(0),
  ASCII_LOWER_T = 't'.charCodeAt(0),
  ASCII_LOWER_U = 'u'.charCodeAt(0);

const HIGH_SURROGATE_FIRST = 0xd800,
  HIGH_SURROGATE_LAST = 0xdbff;

// fast-path helpers
// char codes that legally terminate a number lexeme: , } ] and JSON whitespace
const TERM = [];
for (const ch of ',}] \t\n\r') TERM[ch.charCodeAt(0)] = 1;
const numberFull = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][-+]?\d+)?/y;
const HEX = c => (c >= ASCII_ZERO && c <= ASCII_NINE) || (c >= ASCII_UPPER_A && c <= ASCII_UPPER_F) || (c >= ASCII_LOWER_A && c <= ASCII_LOWER_F);

const jsonParser = options => {
  let packKeys = true,
    packStrings = true,
    packNumbers = true,
    streamKeys = true,
    streamStrings = true,
    streamNumbers = true,
    jsonStreaming = false;

  if (options) {
    'packValues' in options && (packKeys = packStrings = packNumbers = options.packValues);
    'packKeys' in options && (packKeys = options.packKeys);
    'packStrings' in options && (packStrings = options.packStrings);
    'packNumbers' in options && (packNumbers = options.packNumbers);
    'streamValues' in options && (streamKeys = streamStrings = streamNumbers = options.streamValues);
    'streamKeys' in options && (streamKeys = options.streamKeys);
    'streamStrings' in options && (streamStrings = options.streamStrings);
    'streamNumbers' in options && (streamNumbers = options.streamNumbers);
    jsonStreaming = options.jsonStreaming;
  }

  !packKeys && (streamKeys = true);
  !packStrings && (streamStrings = true);
  !packNumbers && (streamNumbers = true);

  let done = false,
    expect = jsonStreaming ? 'done' : 'value',
    parent = '',
    openNumber = false,
    accumulator = '',
    heldSurrogate = '',
    buffer = '';

  const stack = [];

  // a sink that encodes each chunk alone needs every surrogate pair within one chunk
  const pushStringChunk = (tokens, value) => {
    if (heldSurrogate) {
      value = heldSurrogate + value;
      heldSurrogate = '';
    }
    const last = value.charCodeAt(value.length - 1);
    if (last >= HIGH_SURROGATE_FIRST && last <= HIGH_SURROGATE_LAST) {
      heldSurrogate = value.charAt(value.length - 1);
      if (value.length === 1) return;
      value = value.slice(0, -1);
    }
    tokens.push({name: 'stringChunk', value});
  };

  return (0,core/* flushable */.rj)(buf => {
    const tokens = [];

    if (buf === core/* none */.dv) {
      done = true;
    } else {
      buffer += buf;
    }

    let match,
      fm,
      s,
      e,
      q,
      rs,
      cc,
      value,
      index = 0;

    main: for (;;) {
      switch (expect) {
        case 'value1':
        case 'value': {
          // skip whitespace
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error('Parser has expected a value');
            break main; // wait for more input
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_QUOTE) {
            // string: charCodeAt whole-string scan (decodes escapes)
            q = index + 1;
            rs = q;
            s = '';
            for (;;) {
              if (q >= buffer.length) {
                q = -1;
                break;
              }
              e = buffer.charCodeAt(q);
              if (e === ASCII_QUOTE) {
                s += buffer.slice(rs, q);
                break;
              }
              if (e < ASCII_SPACE) {
                q = -1;
                break;
              }
              if (e === ASCII_BACKSLASH) {
                if (q + 1 >= buffer.length) {
                  q = -1;
                  break;
                }
                cc = buffer.charCodeAt(q + 1);
                if (cc === ASCII_LOWER_U) {
                  if (
                    q + 6 > buffer.length ||
                    !(HEX(buffer.charCodeAt(q + 2)) && HEX(buffer.charCodeAt(q + 3)) && HEX(buffer.charCodeAt(q + 4)) && HEX(buffer.charCodeAt(q + 5)))
                  ) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + String.fromCharCode(parseInt(buffer.slice(q + 2, q + 6), 16));
                  q += 6;
                } else {
                  value = codes[buffer.charAt(q + 1)];
                  if (value === undefined) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + value;
                  q += 2;
                }
                rs = q;
                continue;
              }
              ++q;
            }
            if (q >= 0) {
              if (streamStrings) {
                tokens.push(tokenStartString);
                if (s) tokens.push({name: 'stringChunk', value: s});
                tokens.push(tokenEndString);
              }
              if (packStrings) tokens.push({name: 'stringValue', value: s});
              index = q + 1;
              expect = expected[parent];
              continue main;
            }
            // fall back to incremental string machine
            if (streamStrings) tokens.push(tokenStartString);
            expect = 'string';
            ++index;
            continue main;
          }
          if (cc === ASCII_OPEN_BRACE) {
            tokens.push(tokenStartObject);
            stack.push(parent);
            parent = 'object';
            expect = 'key1';
            ++index;
            continue main;
          }
          if (cc === ASCII_OPEN_BRACKET) {
            tokens.push(tokenStartArray);
            stack.push(parent);
            parent = 'array';
            expect = 'value1';
            ++index;
            continue main;
          }
          if (cc === ASCII_CLOSE_BRACKET) {
            if (expect !== 'value1') throw new Error("Parser cannot parse input: unexpected token ']'");
            tokens.push(tokenEndArray);
            parent = stack.pop();
            expect = expected[parent];
            ++index;
            continue main;
          }
          if (cc === ASCII_MINUS || (cc >= ASCII_ZERO && cc <= ASCII_NINE)) {
            // number: try whole-number fast path (only with a clear terminator in buffer)
            numberFull.lastIndex = index;
            fm = numberFull.exec(buffer);
            if (fm) {
              e = index + fm[0].length;
              if (e < buffer.length && TERM[buffer.charCodeAt(e)]) {
                s = fm[0];
                if (streamNumbers) tokens.push(tokenStartNumber, {name: 'numberChunk', value: s}, tokenEndNumber);
                if (packNumbers) tokens.push({name: 'numberValue', value: s});
                index = e;
                expect = expected[parent];
                continue main;
              }
            }
            // fall back to incremental number machine (mirrors the value1 branches)
            openNumber = true;
            if (cc === ASCII_MINUS) {
              if (streamNumbers) tokens.push(tokenStartNumber, {name: 'numberChunk', value: '-'});
              packNumbers && (accumulator = '-');
              expect = 'numberStart';
            } else if (cc === ASCII_ZERO) {
              if (streamNumbers) tokens.push(tokenStartNumber, {name: 'numberChunk', value: '0'});
              packNumbers && (accumulator = '0');
              expect = 'numberFraction';
            } else {
              s = buffer.charAt(index);
              if (streamNumbers) tokens.push(tokenStartNumber, {name: 'numberChunk', value: s});
              packNumbers && (accumulator = s);
              expect = 'numberDigit';
            }
            ++index;
            continue main;
          }
          if (cc === ASCII_LOWER_T || cc === ASCII_LOWER_F || cc === ASCII_LOWER_N) {
            // true / false / null — reuse the value1 regex for exact \b + wait semantics
            patterns.value1.lastIndex = index;
            match = patterns.value1.exec(buffer);
            if (!match) {
              if (done || index + MAX_PATTERN_SIZE < buffer.length) {
                throw new Error('Parser cannot parse input: expected a value');
              }
              break main; // wait for more input
            }
            value = match[0];
            if (buffer.length - index === value.length && !done) break main; // wait for boundary
            tokens.push(literalTokens[value]);
            expect = expected[parent];
            index += value.length;
            continue main;
          }
          throw new Error('Parser cannot parse input: expected a value');
        }
        // incremental string body (escapes / long / cross-chunk)
        case 'keyVal':
        case 'string':
          patterns.string.lastIndex = index;
          match = patterns.string.exec(buffer);
          if (!match) {
            if (index < buffer.length && (done || buffer.length - index >= 6)) throw new Error('Parser cannot parse input: escaped characters');
            if (done) throw new Error('Parser has expected a string value');
            break main; // wait for more input
          }
          value = match[0];
          if (value === '"') {
            if (heldSurrogate) {
              tokens.push({name: 'stringChunk', value: heldSurrogate});
              heldSurrogate = '';
            }
            if (expect === 'keyVal') {
              if (streamKeys) tokens.push(tokenEndKey);
              if (packKeys) {
                tokens.push({name: 'keyValue', value: accumulator});
                accumulator = '';
              }
              expect = 'colon';
            } else {
              if (streamStrings) tokens.push(tokenEndString);
              if (packStrings) {
                tokens.push({name: 'stringValue', value: accumulator});
                accumulator = '';
              }
              expect = expected[parent];
            }
          } else if (value.length > 1 && value.charAt(0) === '\\') {
            const t = value.length == 2 ? codes[value.charAt(1)] : fromHex(value);
            if (expect === 'keyVal' ? streamKeys : streamStrings) {
              pushStringChunk(tokens, t);
            }
            if (expect === 'keyVal' ? packKeys : packStrings) {
              accumulator += t;
            }
          } else {
            if (expect === 'keyVal' ? streamKeys : streamStrings) {
              pushStringChunk(tokens, value);
            }
            if (expect === 'keyVal' ? packKeys : packStrings) {
              accumulator += value;
            }
          }
          index += value.length;
          break;
        case 'key1':
        case 'key': {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error('Parser cannot parse input: expected an object key');
            break main; // wait for more input
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_QUOTE) {
            // key string: charCodeAt whole-key scan (decodes escapes)
            q = index + 1;
            rs = q;
            s = '';
            for (;;) {
              if (q >= buffer.length) {
                q = -1;
                break;
              }
              e = buffer.charCodeAt(q);
              if (e === ASCII_QUOTE) {
                s += buffer.slice(rs, q);
                break;
              }
              if (e < ASCII_SPACE) {
                q = -1;
                break;
              }
              if (e === ASCII_BACKSLASH) {
                if (q + 1 >= buffer.length) {
                  q = -1;
                  break;
                }
                cc = buffer.charCodeAt(q + 1);
                if (cc === ASCII_LOWER_U) {
                  if (
                    q + 6 > buffer.length ||
                    !(HEX(buffer.charCodeAt(q + 2)) && HEX(buffer.charCodeAt(q + 3)) && HEX(buffer.charCodeAt(q + 4)) && HEX(buffer.charCodeAt(q + 5)))
                  ) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + String.fromCharCode(parseInt(buffer.slice(q + 2, q + 6), 16));
                  q += 6;
                } else {
                  value = codes[buffer.charAt(q + 1)];
                  if (value === undefined) {
                    q = -1;
                    break;
                  }
                  s += buffer.slice(rs, q) + value;
                  q += 2;
                }
                rs = q;
                continue;
              }
              ++q;
            }
            if (q >= 0) {
              if (streamKeys) {
                tokens.push(tokenStartKey);
                if (s) tokens.push({name: 'stringChunk', value: s});
                tokens.push(tokenEndKey);
              }
              if (packKeys) tokens.push({name: 'keyValue', value: s});
              index = q + 1;
              expect = 'colon';
              continue main;
            }
            if (streamKeys) tokens.push(tokenStartKey);
            expect = 'keyVal';
            ++index;
            continue main;
          }
          if (cc === ASCII_CLOSE_BRACE) {
            if (expect !== 'key1') throw new Error("Parser cannot parse input: unexpected token '}'");
            tokens.push(tokenEndObject);
            parent = stack.pop();
            expect = expected[parent];
            ++index;
            continue main;
          }
          throw new Error('Parser cannot parse input: expected an object key');
        }
        case 'colon': {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error("Parser cannot parse input: expected ':'");
            break main; // wait for more input
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_COLON) {
            expect = 'value';
            ++index;
            continue main;
          }
          throw new Error("Parser cannot parse input: expected ':'");
        }
        case 'arrayStop':
        case 'objectStop': {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) {
            if (done) throw new Error("Parser cannot parse input: expected ','");
            break main; // wait for more input
          }
          if (openNumber) {
            if (streamNumbers) tokens.push(tokenEndNumber);
            openNumber = false;
            if (packNumbers) {
              tokens.push({name: 'numberValue', value: accumulator});
              accumulator = '';
            }
          }
          cc = buffer.charCodeAt(index);
          if (cc === ASCII_COMMA) {
            expect = expect === 'arrayStop' ? 'value' : 'key';
            ++index;
            continue main;
          }
          if (cc === ASCII_CLOSE_BRACE || cc === ASCII_CLOSE_BRACKET) {
            if (cc === ASCII_CLOSE_BRACE ? expect === 'arrayStop' : expect !== 'arrayStop') {
              throw new Error("Parser cannot parse input: expected '" + (expect === 'arrayStop' ? ']' : '}') + "'");
            }
            tokens.push(cc === ASCII_CLOSE_BRACE ? tokenEndObject : tokenEndArray);
            parent = stack.pop();
            expect = expected[parent];
            ++index;
            continue main;
          }
          throw new Error("Parser cannot parse input: expected ','");
        }
        // number chunks — cross-chunk / fallback
        case 'numberStart': // [0-9]
          patterns.numberStart.lastIndex = index;
          match = patterns.numberStart.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error('Parser cannot parse input: expected a starting digit');
            break main; // wait for more input
          }
          value = match[0];
          if (streamNumbers) tokens.push({name: 'numberChunk', value});
          packNumbers && (accumulator += value);
          expect = value === '0' ? 'numberFraction' : 'numberDigit';
          index += value.length;
          break;
        case 'numberDigit': // [0-9]*
          patterns.numberDigit.lastIndex = index;
          match = patterns.numberDigit.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error('Parser cannot parse input: expected a digit');
            break main; // wait for more input
          }
          value = match[0];
          if (value) {
            if (streamNumbers) tokens.push({name: 'numberChunk', value});
            packNumbers && (accumulator += value);
            index += value.length;
          } else {
            if (index < buffer.length) {
              expect = 'numberFraction';
              break;
            }
            if (done) {
              expect = expected[parent];
              break;
            }
            break main; // wait for more input
          }
          break;
        case 'numberFraction': // [\.eE]?
          patterns.numberFraction.lastIndex = index;
          match = patterns.numberFraction.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) {
              expect = expected[parent];
              break;
            }
            break main; // wait for more input
          }
          value = match[0];
          if (streamNumbers) tokens.push({name: 'numberChunk', value});
          packNumbers && (accumulator += value);
          expect = value === '.' ? 'numberFracStart' : 'numberExpSign';
          index += value.length;
          break;
        case 'numberFracStart': // [0-9]
          patterns.numberFracStart.lastIndex = index;
          match = patterns.numberFracStart.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error('Parser cannot parse input: expected a fractional part of a number');
            break main; // wait for more input
          }
          value = match[0];
          if (streamNumbers) tokens.push({name: 'numberChunk', value});
          packNumbers && (accumulator += value);
          expect = 'numberFracDigit';
          index += value.length;
          break;
        case 'numberFracDigit': // [0-9]*
          patterns.numberFracDigit.lastIndex = index;
          match = patterns.numberFracDigit.exec(buffer);
          value = match[0];
          if (value) {
            if (streamNumbers) tokens.push({name: 'numberChunk', value});
            packNumbers && (accumulator += value);
            index += value.length;
          } else {
            if (index < buffer.length) {
              expect = 'numberExponent';
              break;
            }
            if (done) {
              expect = expected[parent];
              break;
            }
            break main; // wait for more input
          }
          break;
        case 'numberExponent': // [eE]?
          patterns.numberExponent.lastIndex = index;
          match = patterns.numberExponent.exec(buffer);
          if (!match) {
            if (index < buffer.length) {
              expect = expected[parent];
              break;
            }
            if (done) {
              expect = expected[parent];
              break;
            }
            break main; // wait for more input
          }
          value = match[0];
          if (streamNumbers) tokens.push({name: 'numberChunk', value});
          packNumbers && (accumulator += value);
          expect = 'numberExpSign';
          index += value.length;
          break;
        case 'numberExpSign': // [-+]?
          patterns.numberExpSign.lastIndex = index;
          match = patterns.numberExpSign.exec(buffer);
          if (!match) {
            if (index < buffer.length) {
              expect = 'numberExpStart';
              break;
            }
            if (done) throw new Error('Parser has expected an exponent value of a number');
            break main; // wait for more input
          }
          value = match[0];
          if (streamNumbers) tokens.push({name: 'numberChunk', value});
          packNumbers && (accumulator += value);
          expect = 'numberExpStart';
          index += value.length;
          break;
        case 'numberExpStart': // [0-9]
          patterns.numberExpStart.lastIndex = index;
          match = patterns.numberExpStart.exec(buffer);
          if (!match) {
            if (index < buffer.length || done) throw new Error('Parser cannot parse input: expected an exponent part of a number');
            break main; // wait for more input
          }
          value = match[0];
          if (streamNumbers) tokens.push({name: 'numberChunk', value});
          packNumbers && (accumulator += value);
          expect = 'numberExpDigit';
          index += value.length;
          break;
        case 'numberExpDigit': // [0-9]*
          patterns.numberExpDigit.lastIndex = index;
          match = patterns.numberExpDigit.exec(buffer);
          value = match[0];
          if (value) {
            if (streamNumbers) tokens.push({name: 'numberChunk', value});
            packNumbers && (accumulator += value);
            index += value.length;
          } else {
            if (index < buffer.length || done) {
              expect = expected[parent];
              break;
            }
            break main; // wait for more input
          }
          break;
        case 'done': {
          while (index < buffer.length) {
            cc = buffer.charCodeAt(index);
            if (cc === ASCII_SPACE || cc === ASCII_TAB || cc === ASCII_LF || cc === ASCII_CR) {
              if (openNumber) {
                if (streamNumbers) tokens.push(tokenEndNumber);
                openNumber = false;
                if (packNumbers) {
                  tokens.push({name: 'numberValue', value: accumulator});
                  accumulator = '';
                }
              }
              ++index;
              continue;
            }
            break;
          }
          if (index >= buffer.length) break main; // wait for more input / end
          if (jsonStreaming) {
            if (openNumber) {
              if (streamNumbers) tokens.push(tokenEndNumber);
              openNumber = false;
              if (packNumbers) {
                tokens.push({name: 'numberValue', value: accumulator});
                accumulator = '';
              }
            }
            expect = 'value';
            continue main;
          }
          throw new Error('Parser cannot parse input: unexpected characters');
        }
      }
    }
    if (done && openNumber) {
      if (streamNumbers) tokens.push(tokenEndNumber);
      openNumber = false;
      if (packNumbers) {
        tokens.push({name: 'numberValue', value: accumulator});
        accumulator = '';
      }
    }
    buffer = buffer.slice(index);
    return tokens.length ? (0,core/* many */._d)(tokens) : core/* none */.dv;
  });
};

const parser = options => (0,core/* gen */.Jk)(utils_fixUtf8Stream(options), jsonParser(options));

parser.parser = parser; // for backward compatibility with 1.x

/* harmony default export */ const core_parser = (parser);



/***/ }),

/***/ 86023:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  K3: () => (/* reexport */ src_parser)
});

// UNUSED EXPORTS: default, parserStream

// EXTERNAL MODULE: ./node_modules/stream-chain/src/node/index.js + 2 modules
var node = __webpack_require__(78348);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/web/index.js
var web = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/stream-json/src/core/parser.js + 1 modules
var parser = __webpack_require__(53336);
;// CONCATENATED MODULE: ./node_modules/stream-json/src/parser.js
// @ts-self-types="./parser.d.ts"






/** @type {any} */ (parser/* default */.Ay).asStream = options => (0,node/* asStream */.fR)((0,parser/* default */.Ay)(options), {writableObjectMode: true, readableObjectMode: true, ...options});
/** @type {any} */ (parser/* default */.Ay).asWebStream = options => (0,web/* asWebStream */.HR)((0,parser/* default */.Ay)(options), {writableObjectMode: true, readableObjectMode: true, ...options});

/* harmony default export */ const src_parser = (parser/* default */.Ay);



;// CONCATENATED MODULE: ./node_modules/stream-json/src/index.js
// @ts-self-types="./index.d.ts"



const parserStream = src_parser.asStream;

/* harmony default export */ const src = ((/* unused pure expression or super */ null && (parserStream)));



/***/ }),

/***/ 16044:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  w: () => (/* reexport */ stream_object)
});

// UNUSED EXPORTS: default

// EXTERNAL MODULE: ./node_modules/stream-chain/src/node/index.js + 2 modules
var node = __webpack_require__(78348);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/web/index.js
var web = __webpack_require__(2319);
// EXTERNAL MODULE: ./node_modules/stream-chain/src/core/index.js
var core = __webpack_require__(71136);
// EXTERNAL MODULE: ./node_modules/stream-json/src/core/assembler.js
var assembler = __webpack_require__(51635);
;// CONCATENATED MODULE: ./node_modules/stream-json/src/core/streamers/stream-base.js
// @ts-self-types="./stream-base.d.ts"





class Counter {
  constructor(initialDepth) {
    this.depth = initialDepth;
  }
  startObject() {
    ++this.depth;
  }
  endObject() {
    --this.depth;
  }
  startArray() {
    ++this.depth;
  }
  endArray() {
    --this.depth;
  }
}

const streamBase =
  ({push, first, level}) =>
  (options = {}) => {
    const {objectFilter, includeUndecided} = options;
    /** @type {any} */
    let asm = (0,assembler/* assembler */.tm)(options);
    let state = first ? 'first' : 'check',
      savedAsm = null;

    if (typeof objectFilter != 'function') {
      // no object filter + no first check
      if (state === 'check')
        return chunk => {
          if (asm[chunk.name]) {
            asm[chunk.name](chunk.value);
            if (asm.depth === level) {
              return push(asm);
            }
          }
          return core/* none */.dv;
        };
      // no object filter
      return chunk => {
        switch (state) {
          case 'first':
            first(chunk);
            state = 'accept';
          // fall through
          case 'accept':
            if (asm[chunk.name]) {
              asm[chunk.name](chunk.value);
              if (asm.depth === level) {
                return push(asm);
              }
            }
            break;
        }
        return core/* none */.dv;
      };
    }

    // object filter + a possible first check
    return chunk => {
      switch (state) {
        case 'first':
          first(chunk);
          state = 'check';
        // fall through
        case 'check':
          if (asm[chunk.name]) {
            asm[chunk.name](chunk.value);
            const result = objectFilter(asm);
            if (result) {
              state = 'accept';
              if (asm.depth === level) return push(asm);
            } else if (result === false) {
              if (asm.depth === level) return push(asm, true);
              state = 'reject';
              savedAsm = asm;
              asm = new Counter(savedAsm.depth);
              savedAsm.dropToLevel(level);
            } else {
              if (asm.depth === level) return push(asm, !includeUndecided);
            }
          }
          break;
        case 'accept':
          if (asm[chunk.name]) {
            asm[chunk.name](chunk.value);
            if (asm.depth === level) {
              state = 'check';
              return push(asm);
            }
          }
          break;
        case 'reject':
          if (asm[chunk.name]) {
            asm[chunk.name](chunk.value);
            if (asm.depth === level) {
              state = 'check';
              asm = savedAsm;
              savedAsm = null;
              return push(asm, true);
            }
          }
          break;
      }
      return core/* none */.dv;
    };
  };

/* harmony default export */ const stream_base = (streamBase);


;// CONCATENATED MODULE: ./node_modules/stream-json/src/core/streamers/stream-object.js
// @ts-self-types="./stream-object.d.ts"




const streamObject = options => {
  let key = null;
  return stream_base({
    level: 1,

    first(chunk) {
      if (chunk.name !== 'startObject') throw new Error('Top-level object should be an object.');
    },

    push(asm, discard) {
      if (key === null) {
        key = asm.key;
        return core/* none */.dv;
      }
      if (discard) {
        asm.current = {};
        key = null;
        return core/* none */.dv;
      }
      const result = {key, value: asm.current[key]};
      asm.current = {};
      key = null;
      return result;
    }
  })(options);
};

streamObject.streamObject = streamObject;

/* harmony default export */ const stream_object = (streamObject);


// EXTERNAL MODULE: ./node_modules/stream-json/src/core/parser.js + 1 modules
var parser = __webpack_require__(53336);
;// CONCATENATED MODULE: ./node_modules/stream-json/src/core/utils/with-parser.js
// @ts-self-types="./with-parser.d.ts"





const withParser = (fn, options) => (0,core/* gen */.Jk)((0,parser/* default */.Ay)(options), fn(options));

withParser.withParser = withParser;

/* harmony default export */ const with_parser = (withParser);


;// CONCATENATED MODULE: ./node_modules/stream-json/src/utils/with-parser.js
// @ts-self-types="./with-parser.d.ts"






/** @type {any} */ (with_parser).asStream = (fn, options) =>
  (0,node/* asStream */.fR)(with_parser(fn, options), {...options, writableObjectMode: false, readableObjectMode: true});
/** @type {any} */ (with_parser).asWebStream = (fn, options) =>
  (0,web/* asWebStream */.HR)(with_parser(fn, options), {...options, writableObjectMode: false, readableObjectMode: true});

/* harmony default export */ const utils_with_parser = (with_parser);



;// CONCATENATED MODULE: ./node_modules/stream-json/src/streamers/stream-object.js
// @ts-self-types="./stream-object.d.ts"







/** @type {any} */ (stream_object).asStream = options => (0,node/* asStream */.fR)(stream_object(options), {writableObjectMode: true, readableObjectMode: true, ...options});
/** @type {any} */ (stream_object).asWebStream = options => (0,web/* asWebStream */.HR)(stream_object(options), {writableObjectMode: true, readableObjectMode: true, ...options});
/** @type {any} */ (stream_object).withParser = options => utils_with_parser(stream_object, {packKeys: true, ...options});
/** @type {any} */ (stream_object).withParserAsStream = options => /** @type {any} */ (utils_with_parser).asStream(stream_object, {packKeys: true, ...options});
/** @type {any} */ (stream_object).withParserAsWebStream = options => /** @type {any} */ (utils_with_parser).asWebStream(stream_object, {packKeys: true, ...options});

/* harmony default export */ const streamers_stream_object = ((/* unused pure expression or super */ null && (factory)));




/***/ })

};

//# sourceMappingURL=752.index.js.map