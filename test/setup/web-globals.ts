// jsdom leaves out TextEncoder and TextDecoder, which every browser the pages run in has (the .xlsx reader uses
// them): the jsdom tests get Node's, which are the same WHATWG classes.
import { TextDecoder, TextEncoder } from "util";

const g = globalThis as unknown as Record<string, unknown>;
if (typeof g.TextDecoder === "undefined") g.TextDecoder = TextDecoder;
if (typeof g.TextEncoder === "undefined") g.TextEncoder = TextEncoder;
