#!/usr/bin/env node
// grantwalk-emulator [--port 8080] [--host 127.0.0.1] [--seed TEXT] [--era ERA]: the Spotify
// emulator alone. The code is src/lib/server/emulator/cli.ts (also behind `npm run emulator`),
// built to dist/emulator/ when the package is installed (the prepare script).
import { main } from '../dist/emulator/cli.js';

await main();
