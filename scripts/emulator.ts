// `npm run emulator -- --port 8080 [--host 127.0.0.1] [--seed TEXT] [--era ERA]`: the Spotify
// accounts emulator alone, from the source. The same code as the package's `grantwalk-emulator`
// bin (src/lib/server/emulator/cli.ts), which runs it from the build in dist/emulator/.
import { main } from '../src/lib/server/emulator/cli';

await main();
