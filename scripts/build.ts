/* `npm run build`: see scripts/standalone.ts. */
import { buildStandalone } from "./standalone";

await buildStandalone();
