// Type declarations for modules that ship none.

declare module "observablehq:stdlib" {
  interface FileAttachmentHandle {
    name: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<unknown>;
  }
  export function FileAttachment(path: string): FileAttachmentHandle;
  /** A div that calls render with its width (and height when render takes two arguments) whenever they change. */
  export function resize(
    render: (width: number, height?: number) => Node | null | Promise<Node | null>,
    invalidation?: Promise<unknown>,
  ): HTMLDivElement;
}

declare module "@observablehq/inputs" {
  export interface TableOptions {
    columns?: string[];
    header?: Record<string, string>;
    format?: Record<string, (value: any, index: number, data: any) => any>;
    width?: Record<string, number | string> | number | string;
    align?: Record<string, "left" | "right" | "center">;
    rows?: number;
    maxHeight?: number;
    maxWidth?: number;
    layout?: "fixed" | "auto";
    sort?: string;
    reverse?: boolean;
    select?: boolean;
    multiple?: boolean;
    required?: boolean;
  }
  export function table(data: Iterable<any>, options?: TableOptions): HTMLElement & { value: any };
  export function search(data: Iterable<any>, options?: Record<string, unknown>): HTMLElement & { value: any };
  export function textarea(options?: Record<string, unknown>): HTMLElement & { value: string };
  export function button(content?: unknown, options?: Record<string, unknown>): HTMLElement & { value: unknown };
  export function select(data: Iterable<any>, options?: Record<string, unknown>): HTMLElement & { value: any };
  export function radio(data: Iterable<any>, options?: Record<string, unknown>): HTMLElement & { value: any };
}

// Framework's own build and configuration, as its `observable build` command calls them (scripts/framework-build.ts).
declare module "@observablehq/framework/dist/config.js" {
  export interface Config {
    root: string;
    output: string;
  }
  export function readConfig(configPath?: string, root?: string): Promise<Config>;
  /** Every file's modification time, as Framework reads it, is this date (Framework's own tests use it). */
  export function setCurrentDate(date: Date | null): void;
}

declare module "@observablehq/framework/dist/build.js" {
  import type { Config } from "@observablehq/framework/dist/config.js";
  export function build(options: { config: Config }): Promise<void>;
}
