// `import 'server-only'` throws outside Next's react-server build; the in-process bench imports the
// data layer and the renewal core from plain Node, so it resolves to an empty module here.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      "export async function resolve(s, c, next) { return s === 'server-only' ? { url: 'data:text/javascript,', shortCircuit: true } : next(s, c); }",
    ),
);
