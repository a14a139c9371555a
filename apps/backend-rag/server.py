"""nuzantara-rag entry point: settings from the environment, serve until SIGTERM or SIGINT."""
import logging
import signal
import sys
import threading

from rag.app import RagApp, RagServer
from rag.settings import Settings


def main():
    try:
        settings = Settings.from_env()
    except ValueError as error:
        print(f"nuzantara-rag: {error}", file=sys.stderr)
        return 2
    logging.basicConfig(
        level=getattr(logging, settings.log_level, logging.INFO),
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stdout,
    )
    log = logging.getLogger("rag")
    app = RagApp(settings)
    app.start()
    server = RagServer(app, (settings.host, settings.port))

    def stop(signum, _frame):
        log.info("%s: shutting down", signal.Signals(signum).name)
        # shutdown() waits for serve_forever() to return, which runs in this (the main) thread.
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    log.info("listening on %s:%d", settings.host, server.server_address[1])
    try:
        server.serve_forever(poll_interval=0.5)
    finally:
        server.server_close()
        app.close()
    log.info("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
