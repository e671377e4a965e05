/**
 * Command-line options shared by `npm run db:generate` and `npm run bench`:
 * `--name value` or `--name=value`, and bare `--flag`.
 */
export function readArgs(argv: string[]): Map<string, string | true> {
  const args = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) continue;
    const eq = arg.indexOf('=');
    if (eq > 0) args.set(arg.slice(2, eq), arg.slice(eq + 1));
    else if (argv[i + 1] !== undefined && !argv[i + 1]!.startsWith('--')) args.set(arg.slice(2), argv[++i]!);
    else args.set(arg.slice(2), true);
  }
  return args;
}

/** A whole number option within bounds, or the default; exits with a clear message otherwise. */
export function intOption(args: Map<string, string | true>, name: string, fallback: number, min: number, max: number) {
  const raw = args.get(name);
  if (raw === undefined) return fallback;
  const value = Number(String(raw).replace(/_/g, ''));
  if (!Number.isInteger(value) || value < min || value > max) {
    console.error(`--${name} must be a whole number from ${min} to ${max}.`);
    process.exit(2);
  }
  return value;
}

export function stringOption(args: Map<string, string | true>, name: string): string | undefined {
  const raw = args.get(name);
  return typeof raw === 'string' ? raw : undefined;
}
