// dt-sql-parser's ES module build was written for bundlers: it imports
// folders (`./parser`) and files without their `.js`, which Node's own
// resolver refuses. This resolve hook (node:module register) retries such an
// import as the folder's index.js or the file with `.js`, so the package runs
// in plain Node without a bundler.
export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (e) {
    if (e.code === 'ERR_UNSUPPORTED_DIR_IMPORT') return next(`${specifier}/index.js`, context);
    if (e.code === 'ERR_MODULE_NOT_FOUND' && specifier.startsWith('.')) return next(`${specifier}.js`, context);
    throw e;
  }
}
