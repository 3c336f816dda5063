// Where PGlite keeps its data when neither DATABASE_URL nor PGLITE_DATA_DIR says otherwise: one constant
// for the environment's default (server/env/variables.ts) and createDb's (create-db.ts).
export const DEFAULT_PGLITE_DATA_DIR = '.data/pglite';
