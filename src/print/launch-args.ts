/**
 * Chromium flags for printing untrusted documents on a closed network. Not @sparticuz/chromium's
 * serverless defaults: those disable web security and site isolation.
 */
export const launchArgs = [
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-domain-reliability',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-features=Translate,OptimizationHints,MediaRouter,InterestFeedContentSuggestions,CalculateNativeWinOcclusion',
  '--metrics-recording-only',
  '--mute-audio',
  '--disable-gpu',
  '--font-render-hinting=none',
  // Whatever escapes request interception (`<link rel=prefetch>` does) goes to a dead proxy,
  // loopback included, so it cannot reach any server.
  '--proxy-server=http://127.0.0.1:9',
  '--proxy-bypass-list=<-loopback>',
];

/** Chromium's sandbox needs unprivileged user namespaces; as root (CI containers) it must be off. */
export function sandboxArgs(): string[] {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
}
