export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export type Logger = (level: LogLevel, message: string) => void;

/**
 * One line per event on stdout/stderr. Messages name payments by id, never patients: patient details
 * belong in the PMS, not in a log file (logged only at debug level, if ever).
 */
export function createLogger(minimum: LogLevel, write: (line: string, level: LogLevel) => void = defaultWrite): Logger {
	return (level, message) => {
		if (ORDER[level] < ORDER[minimum]) return;
		write(`${new Date().toISOString()} ${level.toUpperCase().padEnd(5)} ${message}`, level);
	};
}

function defaultWrite(line: string, level: LogLevel) {
	if (level === 'error' || level === 'warn') console.error(line);
	else console.log(line);
}
