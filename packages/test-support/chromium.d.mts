/** Where Chromium is: `CHROMIUM_PATH`, else the Debian package's binary. */
export declare function chromiumPath(): string;
/** The Chromium path, or an Error that says how to get one: callers fail, never skip, without a browser. */
export declare function assertChromium(): string;
/** The flags every real-Chromium tool of the repository launches Chromium with. */
export declare const CHROMIUM_ARGS: string[];
