// nuzantara-mouth entry point: settings from the environment, serve until SIGTERM or SIGINT.
import { createMouthServer, settingsFromEnv } from './src/app.mjs';

let settings;
try {
  settings = settingsFromEnv();
} catch (error) {
  console.error(`nuzantara-mouth: ${error.message}`);
  process.exit(2);
}
const { server } = createMouthServer(settings);
server.listen(settings.port, settings.host, () => {
  const { port } = server.address();
  const backend = settings.backendUrl
    ? new URL(settings.backendUrl).origin
    : 'not configured (BACKEND_URL unset)';
  console.log(`nuzantara-mouth listening on port ${port}; backend: ${backend}`);
});

function stop(signal) {
  console.log(`${signal}: shutting down`);
  server.close(() => {
    console.log('stopped');
    process.exit(0);
  });
  server.closeIdleConnections();
  // Requests in flight get a few seconds; then their connections are cut.
  setTimeout(() => server.closeAllConnections(), 5000).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
