// Types of hostile-shapes.mjs, for test/hostile-shapes.test.ts.
import type fc from 'fast-check';

export declare const NOW: number;
export declare const ORIGIN: string;
export declare const VITALS_URL_LENGTH: number;
export declare function fill(unit: string, length: number): string;
export declare const HOSTILE_UNITS: string[];
export declare const hostileUnit: fc.Arbitrary<string>;
export declare const hostileText: (length: number) => fc.Arbitrary<string>;
export declare function fitJson(text: string, bytes: number): string;
export declare function vitalsBody(url: (i: number) => string): string;
export declare const benignVitals: () => string;
export declare const hostileVitals: (text: string) => string;
export declare function errorBody(text: (max: number) => string): string;
export declare const benignError: () => string;
export declare function postEvent(body: string, headers?: Record<string, string>): Record<string, unknown>;
export declare const HOSTILE_ORIGINS: Record<string, string>;
