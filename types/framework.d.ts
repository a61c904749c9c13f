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
