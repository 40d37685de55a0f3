import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { createApp } from './app.factory.js';
import { jsonLog } from './common/request-context.js';

const app = await createApp();
const config = app.get<AppConfig>(APP_CONFIG);
app.enableShutdownHooks();
await app.listen(config.port, config.host);
// Longer than a reverse proxy's idle timeout (nginx, load balancers: 60 s), so that the proxy, not Node,
// closes an idle connection — else a request sent just as Node closes it fails with a 502.
const server = app.getHttpServer();
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;
jsonLog({ level: 'info', msg: `Schaufenster listening on http://${config.host}:${config.port}` });
