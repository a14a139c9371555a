// flyctl's non-interactive status logger (internal/statuslogger/noninteractive.go), the way a deploy reports
// each machine on stdout when stdout is not a terminal (contract §4 "Where output goes"): every log call is one
// line `<glyph> [i/n] <text>`; the glyph is the line's status (` ` none, `>` running, `✔` success, `✖`
// failure), the `[i/n]` index is only shown for more than one line and is zero-padded to the width of n.
const GLYPHS = { none: ' ', running: '>', success: '✔', failure: '✖' };

/**
 * `write` receives whole lines (with their newline). `showStatus` is flyctl's showStatusChar (true for the
 * deploy's loggers).
 */
export function statusLogger(write, total, { showStatus = true } = {}) {
  const numbers = total > 1;
  const width = String(total).length;
  const lines = Array.from({ length: Math.max(total, 0) }, (_, index) => {
    let status = 'none';
    const line = {
      /** Logf: keeps the line's status. */
      log(text) {
        let buf = showStatus ? `${GLYPHS[status]} ` : '';
        if (numbers) buf += `[${String(index + 1).padStart(width, '0')}/${total}] `;
        write(`${buf}${text}\n`);
      },
      /** LogfStatus: sets the status, then logs. */
      logStatus(next, text) {
        status = next;
        line.log(text);
      },
      /** statuslogger.Failed: the first line of the error only. */
      failed(error) {
        line.logStatus('failure', `Failed: ${String(error.message ?? error).split('\n')[0]}`);
      },
    };
    return line;
  });
  return { line: (i) => lines[i] };
}
