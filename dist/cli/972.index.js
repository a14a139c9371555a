export const id = 972;
export const ids = [972];
export const modules = {

/***/ 84972:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   upsertStickyComment: () => (/* binding */ upsertStickyComment)
/* harmony export */ });
/* unused harmony export ACTIONS_BOT */
/* harmony import */ var _github_api_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(61496);
/**
 * One sticky pull request comment per marker: found by the hidden marker AND written by this token's own
 * identity (a PAT's user, or github-actions[bot] for GITHUB_TOKEN), so a user's quote of the comment is
 * never edited; updated in place, created only when none exists. Two runs racing (matrix jobs, re-runs) can
 * both create one: after creating, the list is read again and the oldest own comment is kept, the newer
 * duplicates deleted, so the pull request converges on one comment.
 */

const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login comments made with this token carry. GITHUB_TOKEN cannot call GET /user (403): it is the bot.
 * Any other failure (a timeout, an outage, a rate limit) is passed on: guessing would not help.
 */
async function tokenIdentity(octokit) {
    try {
        const { data } = await octokit.rest.users.getAuthenticated();
        return data.login;
    }
    catch (error) {
        const kind = error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS ? error.kind : undefined;
        if (kind === 'read-only' || kind === 'forbidden' || kind === 'unauthorized' || kind === 'not-found')
            return ACTIONS_BOT;
        throw error;
    }
}
/** This token's comments carrying the marker, oldest first (comment ids only grow). */
async function ownComments(octokit, target, identity, marker) {
    const comments = await octokit.paginate(octokit.rest.issues.listComments, { ...target, per_page: 100 });
    return comments
        .filter((c) => c.user?.login === identity && (c.body ?? '').includes(marker))
        .sort((a, b) => a.id - b.id);
}
/** Deletes duplicates; one that a racing run deleted first (404) is already gone. */
async function deleteComments(octokit, target, ids) {
    for (const id of ids) {
        try {
            await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: id });
        }
        catch (error) {
            if (error.status !== 404)
                throw error;
        }
    }
}
async function upsertStickyComment(options) {
    const octokit = await (0,_github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .githubClient */ .$f)(options.token, options.baseUrl, options.client);
    const target = { owner: options.owner, repo: options.repo, issue_number: options.issueNumber };
    const update = async (id) => {
        const { data } = await octokit.rest.issues.updateComment({
            owner: options.owner,
            repo: options.repo,
            comment_id: id,
            body: options.body,
        });
        return data;
    };
    try {
        const identity = await tokenIdentity(octokit);
        const [oldest, ...leftOver] = await ownComments(octokit, target, identity, options.marker);
        if (oldest) {
            const data = await update(oldest.id);
            // Duplicates left by an earlier race.
            await deleteComments(octokit, target, leftOver.map((c) => c.id));
            return { action: 'updated', id: data.id, url: data.html_url };
        }
        const { data: created } = await octokit.rest.issues.createComment({ ...target, body: options.body });
        // Another run may have created one meanwhile: every racer keeps the oldest and deletes the rest.
        const [keep, ...extra] = await ownComments(octokit, target, identity, options.marker);
        const kept = !keep || keep.id === created.id ? created : await update(keep.id);
        await deleteComments(octokit, target, extra.map((c) => c.id));
        return { action: kept === created ? 'created' : 'updated', id: kept.id, url: kept.html_url };
    }
    catch (error) {
        // A fork's pull request runs with a read-only token: GitHub answers 403 (404 for some private repos).
        // A rate limit is a 403 too, but not this: it is passed on as the failure it is.
        if (error instanceof _github_api_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS &&
            (error.kind === 'read-only' || error.kind === 'forbidden' || error.kind === 'not-found')) {
            return { action: 'forbidden', status: error.status ?? 403, message: error.message };
        }
        throw error;
    }
}


/***/ })

};

//# sourceMappingURL=972.index.js.map