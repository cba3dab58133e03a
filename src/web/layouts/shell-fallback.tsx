// The frame shown while an area's code loads: the same plain markup and inline-styled classes as the
// HTML shell in index.html, so the screen goes shell -> frame -> page without a white flash.
export function ShellFallback() {
  return (
    <div className="dermis-shell" aria-busy="true">
      <header className="dermis-shell-header">
        <span className="dermis-shell-mark" aria-hidden="true" />
        <span className="dermis-shell-name">Dermis</span>
      </header>
      <main className="dermis-shell-main">
        <p className="dermis-shell-loading" role="status">
          Loading…
        </p>
      </main>
    </div>
  );
}
