// PostGraphile 5.1 is written for Node.js 22, which has Promise.withResolvers;
// Node.js 20 does not. Preloaded (`node --import`) before PostGraphile loads.
if (typeof Promise.withResolvers !== 'function') {
  Object.defineProperty(Promise, 'withResolvers', {
    configurable: true,
    writable: true,
    value: function withResolvers() {
      let resolve;
      let reject;
      const promise = new this((res, rej) => {
        resolve = res;
        reject = rej;
      });
      return { promise, resolve, reject };
    },
  });
}
