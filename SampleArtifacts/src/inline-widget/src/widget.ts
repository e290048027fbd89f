export interface WidgetOptions {
  title: string;
  width?: number;
}

export function render(options: WidgetOptions): string {
  const width = options.width ?? 320;
  return `<div class="widget" style="width:${width}px">${options.title}</div>`;
}
