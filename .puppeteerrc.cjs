/**
 * puppeteer (pulled in by the md-to-pdf devDependency used by `npm run bench`) must not download
 * a browser on install: briefsmith prints with puppeteer-core and a headless shell it finds itself,
 * and the bench points md-to-pdf at the system Chromium.
 */
module.exports = { skipDownload: true };
