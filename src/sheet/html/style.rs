//! The inline style sheet and script of the HTML pages.

/// The style sheet: a single column for phones, page breaks for print, and the weights of
/// differences from muted (cosmetic) to strongest (critical).
pub(super) const STYLE: &str = "
:root{--ink:#1d1d1f;--muted:#5f6368;--rule:#d9d9de;--ins:#e6f4ea;--del:#fce8e6;--accent:#1a4f8b;--alarm:#b3261e}
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 Georgia,'Times New Roman',serif;color:var(--ink);background:#fff}
main{max-width:60rem;margin:0 auto;padding:1.5rem 1rem 3rem}
h1,h2,h3,h4{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;line-height:1.25}
h1{font-size:1.9rem;margin:.2rem 0}
h2{font-size:1.3rem;margin:2rem 0 .5rem;border-top:2px solid var(--ink);padding-top:.6rem}
h3{font-size:1.05rem;margin:1.6rem 0 .4rem;color:var(--accent)}
h4{font-size:1rem;margin:1.2rem 0 .3rem}
.meta{font:0.9rem system-ui,sans-serif;color:var(--muted);margin:.2rem 0 .8rem}
.roles{font:0.9rem system-ui,sans-serif;padding-left:1.2rem}
blockquote{margin:.6rem 0 1rem;padding:.6rem 1rem;border-left:4px solid var(--accent);background:#f6f8fb;font-size:1.1rem}
p.reported{margin:.6rem 0 1rem;padding:.6rem 1rem;border-left:4px dashed var(--muted);background:#fafafa}
p.reported::before{content:'Reported speech, no quote marks: ';font:0.8rem system-ui,sans-serif;color:var(--muted)}
ol.renderings{list-style:none;padding:0;margin:0}
ol.renderings li{border-top:1px solid var(--rule);padding:.6rem 0}
ol.renderings li.altered{border-left:4px solid var(--alarm);padding-left:.6rem}
.source{font:0.85rem system-ui,sans-serif;color:var(--muted)}
.source strong{color:var(--ink)}
.kind{display:inline-block;padding:0 .4rem;border-radius:.6rem;background:#eef1f5}
.kind.reported{background:#f3eee3}
.text{margin:.3rem 0}
.why{font:600 0.7rem system-ui,sans-serif;margin-left:.2rem;padding:0 .25rem;border-radius:.3rem;vertical-align:.1rem}
.step del,.step ins{text-decoration:none}
.step.cosmetic del{color:var(--muted);font-size:.85em;text-decoration:line-through}
.step.cosmetic ins{border-bottom:1px dotted var(--muted)}
.step.cosmetic .why{color:var(--muted);background:#f1f3f4;font-weight:400}
.step.substantive del{background:var(--del);color:#7a2e26;text-decoration:line-through}
.step.substantive ins{background:var(--ins);border-bottom:2px solid #34a853}
.step.substantive .why{color:#fff;background:#5f6368}
.step.critical del{background:var(--del);color:var(--alarm);font-weight:700;text-decoration:line-through}
.step.critical ins{background:#fde293;font-weight:700;outline:2px solid var(--alarm)}
.step.critical .why{color:#fff;background:var(--alarm);text-transform:uppercase}
.step.extent del,.step.extent ins{color:#9aa0a6}
.step.extent del{text-decoration:none}
.flag{font:700 0.75rem system-ui,sans-serif;color:#fff;background:var(--alarm);padding:.05rem .4rem;border-radius:.3rem;text-transform:uppercase}
.legend{font:0.85rem system-ui,sans-serif;border:1px solid var(--rule);border-radius:.4rem;padding:.2rem .8rem;margin:1rem 0;background:#fcfcfd}
.legend h2{font-size:.95rem;border:0;margin:.4rem 0;padding:0}
.legend ul{padding-left:1rem;margin:.3rem 0}
.altered-list li{margin:.4rem 0}
.nested{font-size:.95rem;margin:.3rem 0 0 1rem;color:var(--muted)}
table{border-collapse:collapse;width:100%;font:0.95rem system-ui,sans-serif}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--rule);vertical-align:top}
td.n{text-align:right}
.grid-wrap{overflow-x:auto}
table.grid td.form,table.grid th.outlet{text-align:center;width:2.2rem;padding:.2rem}
table.grid th.outlet{font-size:.75rem;font-weight:400;writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}
td.form span{display:inline-block;min-width:1.6rem;border-radius:.3rem;font-weight:700}
td.form .quoted{background:#d2e3fc}
td.form .partial{background:#e8f0fe}
td.form .fragment{background:#f1f3f4}
td.form .reported{background:#f3eee3;font-style:italic}
td.form .altered{outline:2px solid var(--alarm);color:var(--alarm)}
svg.timeline{max-width:100%;height:auto;font:11px system-ui,sans-serif}
svg.timeline rect{fill:var(--accent)}
svg.timeline text{fill:var(--ink)}
input.filter{font:1rem system-ui,sans-serif;width:100%;padding:.4rem .6rem;margin:.2rem 0 1rem;border:1px solid var(--rule);border-radius:.4rem}
a{color:var(--accent)}
footer{margin-top:3rem;font:0.8rem system-ui,sans-serif;color:var(--muted)}
@media print{body{font-size:11pt}main{max-width:none}a{color:inherit;text-decoration:none}article>header h2{break-before:page}input.filter{display:none}}
";

/// The filter box: made by the script itself, so a page read with scripts off shows no box
/// that does nothing. It hides the speakers, statements, altered quotes and grid rows
/// (`data-filter`) whose text does not hold what is typed.
pub(super) const SCRIPT: &str = "
(function(){
var main=document.querySelector('main');var rows=document.querySelectorAll('[data-filter]');
if(!main||!rows.length)return;
var box=document.createElement('input');box.type='search';box.className='filter';
box.placeholder='Filter speakers, outlets and words';box.setAttribute('aria-label','Filter');
main.insertBefore(box,main.firstChild);
box.addEventListener('input',function(){var q=box.value.trim().toLowerCase();
rows.forEach(function(r){r.hidden=q!==''&&r.textContent.toLowerCase().indexOf(q)<0;});});
})();
";
