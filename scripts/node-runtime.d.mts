export function fetchNode(major: string | number): string;
export function sqliteBinding(node: string): string;
