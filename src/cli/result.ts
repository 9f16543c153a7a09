export interface CommandResult {
  code: number;
  out: string;
  err?: string;
}
