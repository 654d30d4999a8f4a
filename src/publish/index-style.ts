/** The index page's inline CSS: phone to desktop, light and dark, every text pair at 4.5:1 or more. */
export const indexStyle = `:root{color-scheme:light dark;--ink:#1b1f24;--muted:#545b66;--rule:#d5d9df;--accent:#1f3a5f;--chip:#eef1f5;--page:#fff}
@media (prefers-color-scheme:dark){:root{--ink:#e6e9ee;--muted:#a9b2bf;--rule:#3a4350;--accent:#9cc2f0;--chip:#232b35;--page:#14181d}}
*{box-sizing:border-box}html{background:var(--page);color:var(--ink);font:17px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;-webkit-text-size-adjust:100%}
body{margin:0 auto;max-width:52rem;padding:0 1rem 2rem;overflow-wrap:break-word}
h1{font-size:1.7rem;margin:1.5rem 0 1rem;color:var(--accent)}a{color:var(--accent)}
form{display:flex;flex-wrap:wrap;gap:.75rem 1rem;margin:0 0 1rem;padding:.75rem 0;border-block:1px solid var(--rule)}form[hidden]{display:none}
.field{display:flex;flex-direction:column;gap:.2rem;flex:1 1 9rem;min-width:0}.field.query{flex:2 1 100%}
label{font-size:.8rem;font-weight:600;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
input,select{font:inherit;color:inherit;background:var(--page);border:1px solid var(--muted);border-radius:.3rem;padding:.35rem .5rem;min-height:2.2rem;width:100%}
#status{color:var(--muted);font-size:.9rem;margin:.5rem 0}
.briefs{list-style:none;margin:0;padding:0}.briefs>li{padding:1rem 0;border-bottom:1px solid var(--rule)}.briefs>li[hidden]{display:none}
h2{font-size:1.25rem;margin:0 0 .25rem;line-height:1.3}
.meta,.updated,.formats{margin:.2rem 0;font-size:.9rem;color:var(--muted)}.classification{font-weight:600;text-transform:uppercase;letter-spacing:.04em;font-size:.8rem}
.summary{margin:.4rem 0}
.keywords{display:flex;flex-wrap:wrap;gap:.3rem;list-style:none;margin:.4rem 0;padding:0}.keywords li{background:var(--chip);border-radius:1rem;padding:.05rem .6rem;font-size:.82rem}
.formats a{display:inline-block;margin-right:.75rem;padding:.15rem 0;min-height:1.5rem}
footer{margin-top:2rem;font-size:.85rem;color:var(--muted)}
@media (prefers-reduced-motion:reduce){*{transition:none!important;animation:none!important}}`;
