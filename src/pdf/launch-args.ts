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
  '--no-proxy-server',
  '--proxy-bypass-list=*',
];

/** Chromium's sandbox needs unprivileged user namespaces; as root (CI containers) it must be off. */
export function sandboxArgs(): string[] {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? ['--no-sandbox'] : [];
}
