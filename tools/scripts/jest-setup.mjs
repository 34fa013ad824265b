// Dates are computed in UTC in tests as in production containers; decorators need reflect-metadata.
process.env.TZ = 'UTC';
await import('reflect-metadata');
