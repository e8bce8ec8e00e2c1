/**
 * The repositories that only screens loaded on demand use (issue 15, cold start): loaded with the
 * first of those screens (lazyScreen.tsx), not with the window, whose first screen is the
 * directory. `makeRepositories` builds them from here once loaded.
 */
export { createAuditRepository } from '../data/repositories/audit';
export { createBackupRepository } from '../data/repositories/backupRestore';
export { createExchangeRepository } from '../data/repositories/exchange';
export { createHandoverRepository } from '../data/repositories/handover';
export { createLetterSeriesRepository } from '../data/repositories/letterSeries';
export { createLettersRepository } from '../data/repositories/letters';
export { createReferralImport } from '../data/repositories/referralImport';
export { createReferralsRepository } from '../data/repositories/referrals';
export { createScreeningRepository } from '../data/repositories/screening';
export { createStatisticsRepository } from '../data/repositories/statistics';
