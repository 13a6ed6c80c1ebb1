/**
 * A generation batch that is `running` but has saved no progress for this
 * long is taken to be stuck (its runner crashed): another runner may claim it
 * (`generateBatch`), the admin may resume it (POST
 * /admin/promocodes/batches/:id/resume) and the `promocode-resume-batches` job
 * resumes it; a `pending` batch this old lost its event. A runner saves
 * progress after every chunk of 5,000 codes, which takes well under a second.
 */
export const BATCH_STALE_MS = 2 * 60 * 1000
