import { APP_CONFIG, type AppConfig } from './config/app-config.js';
import { createApp } from './app.factory.js';
import { jsonLog } from './common/request-context.js';

const app = await createApp();
const config = app.get<AppConfig>(APP_CONFIG);
app.enableShutdownHooks();
await app.listen(config.port, config.host);
jsonLog({ level: 'info', msg: `Schaufenster listening on http://${config.host}:${config.port}` });
