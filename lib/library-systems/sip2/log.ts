// Log lines of the SIP2 client: the endpoint, durations and error names only. Never a request or
// an answer: they carry patron ids, PINs (AD) and the terminal password (CO, AC).
import { logger, safe } from '@/lib/log';

export interface SipLogger {
  debug(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

/** The project's pino logger (lib/log.ts), fetched on first use so importing this opens nothing. */
export const projectSipLogger: SipLogger = {
  debug: (fields, message) => logger().debug(fields, message),
  warn: (fields, message) => logger().warn(fields, message),
};

export const errorFields = (error: unknown) => safe.error(error);
