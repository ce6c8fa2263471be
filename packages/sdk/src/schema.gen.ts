/**
 * Generated from packages/sdk/openapi.json by openapi-typescript (npm run sdk:generate); do not edit.
 */

export interface paths {
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Liveness: the process answers and its database is reachable
         * @description For a process supervisor: restart the server when this fails. It answers as soon as the server listens, before the face engine has loaded; use /readyz to know when face payment can be served. No sign-in.
         */
        get: operations["getHealth"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Readiness: the database answers, migrations are done, the face engine is loaded and the galleries are built
         * @description For a load balancer and for the kiosk: send face traffic only when this answers 200. While it answers 503 `not_ready`, `details.checks` says which start-up work is still pending (or failed). No sign-in.
         */
        get: operations["getReadiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Staff sign-in; returns a bearer token
         * @description Signs a staff member in with username and password. Send the token as `Authorization: Bearer <token>` on staff operations until it expires or `logout`. A wrong password and an unknown username are refused alike. Limited per client address per minute (429 `rate_limited`), and per account: after repeated wrong passwords the account locks, from any address, each lock twice as long as the last (429 `account_locked` with `details.retryAfterSeconds`). A successful sign-in clears the count.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sign out: end this staff session
         * @description The bearer token stops working at once. Other sessions of the same staff member are not touched.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/auth/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: the signed-in staff member
         * @description The staff member behind the bearer token, with role, the provider, merchant and store it reaches, and what the role may do there.
         */
        get: operations["getCurrentStaff"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/device/demo-camera": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The demo member's face photo, for the demo merchant's kiosk to play as its demo camera
         * @description Signed by a kiosk of the demo merchant (its profile says `demoCamera: true`); any other device is answered 404 `demo_camera_unavailable`. The kiosk lights the photo with its own screen flashes, like a face in front of it; the server checks the frames exactly as it checks a real camera's.
         */
        get: operations["getDemoCameraPicture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/device/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A signed "still here", with the app version the device runs
         * @description Devices call this every minute or so; a device silent for SHUALIAN_DEVICE_OFFLINE_AFTER_SECONDS shows offline. The answer carries the server time, to correct a drifting clock.
         */
        post: operations["deviceHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/device/liveness-capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * This kiosk's open calibration capture, if a technician started one
         * @description While one is open the kiosk runs calibration attempts instead of checkout.
         */
        get: operations["getOpenLivenessCapture"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/device/liveness-capture/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * One calibration attempt: a fresh colour challenge to flash, exactly as a payment gets
         * @description Send the frames to `submitLivenessAttemptFrames` before `expiresAt`.
         */
        post: operations["startLivenessAttempt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/device/liveness-capture/attempts/{attemptId}/frames": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Frames of a calibration attempt: the live checks run as for a payment and their figures are kept
         * @description Nobody is identified and no frame is kept: only the checks' numbers, under the capture's label.
         */
        post: operations["submitLivenessAttemptFrames"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/device/profile": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A device reads who it is: its merchant (with the brand code), store, name and what it may offer
         * @description Signed by the device. The kiosk reads it on start: `merchantCode` goes into the member-app links of its receipt QR codes, and `demoCamera` is true only for a kiosk of the demo merchant seeded on first start (no API can set it), where the kiosk may play the demo member's photo instead of a camera.
         */
        get: operations["getDeviceProfile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/devices/activate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * A device trades its activation code for trust in its public key
         * @description Called by the device itself, unsigned. `publicKey` is the DER SubjectPublicKeyInfo of its ECDSA P-256 key, base64url without padding; every later request of the device is signed with the private key (see the deviceSignature security scheme). The code works once.
         */
        post: operations["activateDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Open a single-use face-payment session for a cart; returns the screen-flash colour challenge
         * @description Kiosks only. The server prices the cart (member prices apply) and answers with the colours to flash on the screen while the camera captures; send the frames to `submitFaceFrames` before `expiresAt`.
         */
        post: operations["createFaceSession"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions/{sessionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A face session as it stands
         * @description For a kiosk that lost track of a session (a restart, a network cut): the state and what it waits for.
         */
        get: operations["getFaceSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions/{sessionId}/choices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The member's choices on the greeting: which coupons to use, how many points to redeem
         * @description For a session whose `greeting.choosable` is true. The cart is priced again with the choices and the decision weighs the new amount: within the 免密 terms the session stays (or becomes) `approved`; above them it asks for the PIN (`step_up`, `pin`). Writes nothing but the session: coupons and points are spent by `createPayment`.
         */
        post: operations["chooseFaceSessionOffers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions/{sessionId}/first-look": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * The challenge's first frame, sent while the screen still flashes, so the decision is quicker; decides nothing
         * @description Send the same bytes again as the first of the frames: only then is this analysis used.
         */
        post: operations["submitFirstLook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions/{sessionId}/frames": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Frames captured while the screen flashed the challenge; the server decides: approved, step_up or refused
         * @description The face is identified and the flash checked on the face. `approved`: call `createPayment`. `step_up`: ask what `stepUp` names (`verifyStepUp`, or `submitHeadTurn` for head_turn). `refused`: start again or pay another way.
         */
        post: operations["submitFaceFrames"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions/{sessionId}/head-turn": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Frames captured while the kiosk asked for the head turn (step-up head_turn); approved, step_up or refused
         * @description Capture follows the `headTurn` timing of the session. The turn must come at the asked side and moment, from the same shopper as the flash frames.
         */
        post: operations["submitHeadTurn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face-sessions/{sessionId}/step-up": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Answer the step-up the session asks for: last 4 phone digits, the full phone number, or the PIN
         * @description Send exactly one of the three, the one `stepUp` names. A wrong answer counts against `attemptsLeft`; at zero the session locks and the member is told.
         */
        post: operations["verifyStepUp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face/detect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Find every face in an image with its quality gates, pose, passive liveness and age/gender (multipart field: image)
         * @description The face engine on its own, for integrators and for checking a camera. Nothing is stored. `subject` is the index of the face the engine would use.
         */
        post: operations["detectFaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/face/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Are these the same person? (multipart fields: imageA, imageB; each must show exactly one face)
         * @description 1:1 comparison with the engine's match threshold. Nothing is stored.
         */
        post: operations["verifyFaces"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/consents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Record separate, explicit consent to the exact biometric consent text shown
         * @description Needed before `enrollFace`. Recording the same version again returns the consent already given.
         */
        post: operations["recordConsent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/consents/biometric": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Withdraw biometric consent; the face data is deleted at once
         * @description Face templates and any kept raw images are deleted in the same step; face payment stops recognising the member.
         */
        delete: operations["withdrawConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/consents/entrance": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn "recognise me when I enter" on: consent to the exact entrance consent text shown
         * @description From the next crop on, the entrance cameras name the member (with face data) to the store staff and record their visits. Recording the same version again returns the consent already given.
         */
        post: operations["recordEntranceConsent"];
        /**
         * Turn "recognise me when I enter" off, at once
         * @description The member's next crop at any entrance is counted anonymously; their open visit ends there, and the staff view stops showing them now. Face data and face payment are not affected; visits recorded before are kept.
         */
        delete: operations["withdrawEntranceConsent"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/coupons": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My coupons: usable now, not valid yet, used, expired
         * @description Usable coupons expiring within 3 days say `expiresSoon`. At the till the best usable ones apply by themselves.
         */
        get: operations["getMyCoupons"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/entrance-recognition": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether the member is recognised when entering a store, with the text to agree to
         * @description Off until the member turns it on (`recordEntranceConsent`). `faceEnrolled` false: the member has no face data, so the entrance cannot recognise them even when on.
         */
        get: operations["getEntranceRecognition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/face": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What face data is stored about me
         * @description How many templates, from when and which model, how many raw images are kept, and the consent they rest on.
         */
        get: operations["getFaceData"];
        put?: never;
        /**
         * Enroll (or re-enroll) the face from 1-5 camera frames; needs consent; refuses a face already enrolled for another member
         * @description Frames are base64 JPEG, PNG or WebP. Each frame passes the quality gates or is listed in `framesRejected` with its reasons; the usable ones become the templates, replacing earlier ones.
         */
        post: operations["enrollFace"];
        /**
         * Delete my face templates and images; I am no longer recognised, at once
         * @description Consent stays recorded; enroll again whenever you like.
         */
        delete: operations["deleteFaceData"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/loyalty/card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My member card: number, QR code, tier and progress, points and stored value
         * @description The card is made on first use for members from before cards. The QR payload is signed by the server and scans for 60 seconds: fetch it again to show a fresh one.
         */
        get: operations["getMyCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/loyalty/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My points: balance and history
         * @description From the points ledger: earned, taken back after refunds, redeemed, expired, adjusted by staff.
         */
        get: operations["getMyPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/loyalty/stored-value-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stored-value plans on sale now (充值送)
         * @description What the member can buy at the counter: staff sell plans at the till (purchaseStoredValuePlan); newest first, each with its validity and per-member limit.
         */
        get: operations["listMyStoredValuePlans"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/loyalty/tier-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * How my tier changed
         * @description Newest first: up after a payment, up or down by the nightly evaluation.
         */
        get: operations["getMyTierHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who am I: the signed-in member
         * @description The member behind the member session token; the phone is masked.
         */
        get: operations["getMember"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/payment-agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My face-payment agreement: password-free (免密) and its limits, PIN state
         * @description Before the member changes anything, the merchant's default limits apply.
         */
        get: operations["getPaymentAgreement"];
        /**
         * Turn password-free face payment (免密) on or off and set its limits
         * @description Password-free payment needs a PIN first (it confirms payments above the limits). The per-payment limit may not exceed the daily one.
         */
        put: operations["updatePaymentAgreement"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/pin": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set or change the 6-digit payment PIN
         * @description Changing a PIN needs the current one; wrong current PINs count towards the PIN lock.
         */
        put: operations["setPaymentPin"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Receipts and notices, newest first
         * @description Payments, refunds and top-ups, and notices such as a locked face-payment attempt. Page with `before`.
         */
        get: operations["listReceipts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My wallet: balance and recent history
         * @description Integer fen; `verified` says the balance agrees with the ledger.
         */
        get: operations["getWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/member/wallet/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up with test money through the test payment channel (only where the merchant turned it on)
         * @description Test money, for demos and staging: no payment stands behind it. Off unless the merchant setting `testPaymentChannel` is on (403 `test_channel_disabled`); the demo merchant has it on. The answer and the wallet history say `testMoney: true`. Idempotent by `idempotencyKey`.
         */
        post: operations["topUpWalletTestChannel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/consent-document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current biometric consent text (zh-CN and English), its version and hash
         * @description Show this text in full before asking for consent; `recordConsent` takes back its version and sha256.
         */
        get: operations["getConsentDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/entrance-consent-document": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The current entrance consent text ("recognise me when I enter"), its version and hash
         * @description A consent of its own, separate from the biometric consent to face payment and off by default. Show this text in full before the member turns it on; `recordEntranceConsent` takes back its version and sha256.
         */
        get: operations["getEntranceConsentDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/otp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a 6-digit SMS code (5 minutes; resend after 60 s; per-phone and per-network limits)
         * @description First step of member sign-in (and sign-up) in the member app of one merchant, named by its code. The code arrives by SMS; `registerMember` checks it.
         */
        post: operations["requestOtp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/members/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the SMS code; registers the phone with the merchant if new, and signs the member in
         * @description Returns a member session token (30 days) for the member operations. `created` tells a new member from a returning one.
         */
        post: operations["registerMember"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchants you reach
         * @description A provider admin sees every merchant of its provider; anyone else sees their own merchant.
         */
        get: operations["listMerchants"];
        put?: never;
        /**
         * Create a merchant (a brand with its stores, staff, catalog and members); provider admins
         * @description The merchant belongs to your provider and starts with default settings and no stores. Next: its stores (`createStore`) and its first merchant admin (`createStaff`). The code is the brand's name in the member app and cannot be changed.
         */
        post: operations["createMerchant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Who did what, newest first; page with beforeId
         * @description The merchant's audit log: device registrations and revocations, settings, catalog, store and staff changes, consent, face-pay refusals and locks. Merchant admins and provider admins only.
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/coupon-templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Coupon templates with how many coupons were issued and redeemed
         * @description Newest first; `issued` and `redeemed` count the coupons of each template so far.
         */
        get: operations["listCouponTemplates"];
        put?: never;
        /**
         * Create a coupon template: what its coupons take off, their validity, per-member cap
         * @description Validity is a fixed window or N days from issue. At most one coupon per template applies to a cart.
         */
        post: operations["createCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/coupon-templates/{templateId}/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Issue one coupon to each member of a list (a campaign)
         * @description Up to 1000 members in one transaction; an unknown member refuses the whole list (`member_unknown`). Sending the same `campaignKey` again issues only to members it missed.
         */
        post: operations["issueCouponCampaign"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/coupon-templates/{templateId}/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give a member a coupon, with the reason (audited)
         * @description Merchant admins and store managers. Idempotent by `idempotencyKey` (the same key answers the same coupon).
         */
        post: operations["grantCoupon"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/coupon-templates/{templateId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a coupon template: its coupons are neither issued nor usable
         * @description Coupons already held stay in wallets and become usable again on resume; a payment priced with one before the pause is refused (`coupon_unavailable`).
         */
        post: operations["pauseCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/coupon-templates/{templateId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused coupon template
         * @description Its coupons are issued and usable again within their validity.
         */
        post: operations["resumeCouponTemplate"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Devices of a merchant (optionally one store), with online/offline from heartbeats
         * @description Every device registered in the merchant (a store manager sees its own store only), pending, active or revoked. `online` is true while heartbeats keep arriving. Public keys are never shown.
         */
        get: operations["listDevices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/devices/{deviceId}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Revoke a device: its signed requests are refused from now on
         * @description For a lost, stolen or replaced device. Revocation is final: register the device again to bring it back. Audited.
         */
        post: operations["revokeDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/events/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Event deliveries that failed every attempt, newest first
         * @description Each delivery of an event to a subscriber (loyalty, marketing, analytics, …) is retried with growing waits; after the last attempt it is parked here with its error, and later events of the same aggregate wait behind it. Merchant admins and provider admins only.
         */
        get: operations["listDeadLetters"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/events/dead-letters/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Send a dead letter to its subscriber again
         * @description Puts the delivery back in line with its attempts counted afresh (after fixing what made it fail); the events held behind it follow in order. Merchant admins and provider admins only.
         */
        post: operations["retryDeadLetter"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/face/identify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Search the merchant's member gallery (1:N) for the face in the image (multipart field: image)
         * @description The closest enrolled members with their scores; `phoneSuffix` narrows the search to members whose phone ends so. Merchant and provider admins only (403 for store roles). Each search is in the audit log with the members it matched, and a staff member may run at most `SHUALIAN_IDENTIFY_PER_STAFF_PER_HOUR` an hour (429 `identify_limit`).
         */
        post: operations["identifyFace"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/liveness-captures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Calibration captures and how often each kind of attempt passed the live checks
         * @description Merchant and provider admins. The 50 latest captures with their tallies, the pass rate per label over every assessed attempt (a live face refused is a genuine shopper turned away; an attack passed is a hole), the flash check figures, and the consent text staff agree to before a capture.
         */
        get: operations["getLivenessCalibration"];
        put?: never;
        /**
         * Open a labelled calibration capture at a kiosk
         * @description The kiosk then offers calibration attempts instead of checkout until the capture ends. `consentVersion` must be the current calibration text, which the people taking part have agreed to. One open capture per kiosk (409 `capture_already_open`).
         */
        post: operations["startLivenessCapture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/liveness-captures/{captureId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Delete a calibration capture and every attempt it recorded
         * @description For a capture that was mislabelled, or at the request of someone who took part.
         */
        delete: operations["deleteLivenessCapture"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/liveness-captures/{captureId}/end": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End a calibration capture; the kiosk returns to checkout
         * @description Its attempts stay in the report until the capture is deleted.
         */
        post: operations["endLivenessCapture"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/loyalty/card-scans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Read a member's card from the QR code the member app shows
         * @description Refuses a code that is forged, altered, of another merchant (400 `card_qr_invalid`) or expired (410 `card_qr_expired`).
         */
        post: operations["scanMemberCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/loyalty/program": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's loyalty programme
         * @description Points rates, the tier rule, points expiry and the stored-value spending order.
         */
        get: operations["getLoyaltyProgram"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change the merchant's loyalty programme
         * @description Only the rules named change. Audited. Points already earned keep the expiry they were given.
         */
        patch: operations["updateLoyaltyProgram"];
        trace?: never;
    };
    "/v1/merchants/{merchantId}/loyalty/tiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's member tiers, lowest first
         * @description Each with its threshold (in the programme’s tier basis) and its benefits.
         */
        get: operations["listLoyaltyTiers"];
        /**
         * Set the merchant's member tiers (e.g. 普通 / 银卡 / 金卡)
         * @description Lowest first; thresholds strictly increasing whole numbers, discounts whole percents from 0 to 50. Replaces the tiers; members move to their new tier at the next evaluation or payment. Audited.
         */
        put: operations["defineLoyaltyTiers"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Members with consent and enrollment state; phones masked; no face images
         * @description Find a member at the till by the last 4 digits of the phone. Newest first.
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/loyalty-card": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's card, tier, points and stored value
         * @description Made on first use for members from before cards.
         */
        get: operations["getMemberCard"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's points: balance and history
         * @description From the points ledger.
         */
        get: operations["getMemberPoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/points-adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Give or take a member's points by hand
         * @description With a reason; audited. Taking more than the balance is refused (409 `points_insufficient`). Idempotent by `idempotencyKey`.
         */
        post: operations["adjustMemberPoints"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/stored-value-purchases": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sell a member a stored-value plan at the till
         * @description Staff take the price; the principal goes into the member wallet, the bonus into the member’s bonus, in one ledger transaction with a receipt and an audit entry. The validity and the per-member limit are decided with the member locked. Idempotent by `idempotencyKey`.
         */
        post: operations["purchaseStoredValuePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/stored-value-purchases/{purchaseId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund a stored-value plan: the unspent principal back, the bonus left forfeited
         * @description What was spent counts as principal and bonus in the plan’s proportion: refund = principal − spent × principal / (principal + bonus). 充100送20 with 60 yuan spent: 50 yuan back, 10 yuan of bonus forfeited. Once per purchase; idempotent by `idempotencyKey`.
         */
        post: operations["refundStoredValuePurchase"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/top-ups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Top up a member's wallet at the till (cash or card taken by staff)
         * @description Needs a reason (what was received, a receipt number). One top-up may be at most the merchant setting for the role: `cashierMaxTopUpFen`, `storeManagerMaxTopUpFen` or `merchantAdminMaxTopUpFen` (403 `top_up_over_role_limit`). The ledger transaction carries the staff id; every top-up is in the audit log. Retries with the same `idempotencyKey` give the first answer back and never top up twice; the same key with a different request is refused.
         */
        post: operations["topUpWallet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/members/{memberId}/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A member's wallet: balance and recent history
         * @description The balance is computed from the ledger; `verified` says it agrees with the cached balance.
         */
        get: operations["getMemberWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Payments, newest first; by store, member or business day
         * @description Store staff see their own store only. `date` is a business day in China time.
         */
        get: operations["listPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/payments/{paymentId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Refund all or part of a payment back to the wallet
         * @description Several partial refunds may follow each other up to the amount paid. Idempotent by `idempotencyKey`. Store managers refund payments of their own store.
         */
        post: operations["refundPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Active products, optionally looked up by barcode (kiosk scanning)
         * @description For staff of the merchant and its signed devices. Prices are integer fen; `memberPriceFen` applies to members. `status` shows deactivated products too (the console).
         */
        get: operations["listProducts"];
        put?: never;
        /**
         * Add a product with its barcode, price, member price and category; merchant and provider admins
         * @description SKU and barcode are unique within the merchant, deactivated products included (clear the old barcode to reuse it). Prices are integer fen; the member price may not exceed the price. Audited.
         */
        post: operations["createProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/products/{productId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a product's barcode, prices, names, unit or category; merchant and provider admins
         * @description Send only what changes; null clears an optional field. New prices apply to carts priced from now on; sessions already open keep theirs. Every change is audited with its old and new value.
         */
        patch: operations["updateProduct"];
        trace?: never;
    };
    "/v1/merchants/{merchantId}/products/{productId}/deactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Take a product off sale; merchant and provider admins
         * @description Kiosks no longer find it and carts refuse it; payments already made keep their lines. Doing it twice changes nothing. Audited.
         */
        post: operations["deactivateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/products/{productId}/reactivate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Put a deactivated product on sale again; merchant and provider admins
         * @description Kiosks find it again. Doing it twice changes nothing.
         */
        post: operations["reactivateProduct"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/promotion-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The welcome coupon, the 刷脸红包 bounds and budget, and whether refunds give coupons back
         * @description `redPacket.spentFen` is what red packets have drawn from the budget so far.
         */
        get: operations["getPromotionSettings"];
        /**
         * Set the welcome coupon, the 刷脸红包 and whether refunds give coupons back
         * @description A 刷脸红包 is a coupon of `redPacket.templateId` (money off the order) worth a random amount between `minFen` and `maxFen`, drawn after each face payment while the budget lasts.
         */
        put: operations["updatePromotionSettings"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Promotions with their live usage and budget, newest first
         * @description `uses` counts payments that applied it; `budget.left` is what carts can still get.
         */
        get: operations["listPromotions"];
        put?: never;
        /**
         * Create a promotion: rules, what it takes off, schedule, budget, limits and stacking
         * @description Merchant and provider admins. Refused with `promotion_below_zero` when it could take a line below zero (money off each unit above the cheapest targeted product, money off the order or a 满减 tier above its minimum). Exclusive promotions that overlap are resolved by priority (higher first), then the larger discount, then the older.
         */
        post: operations["createPromotion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/promotions/{promotionId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a promotion; carts priced from now on see it
         * @description A budget cannot go below what was spent (`budget_below_used`), nor change kind once spent (`budget_kind_locked`).
         */
        patch: operations["updatePromotion"];
        trace?: never;
    };
    "/v1/merchants/{merchantId}/promotions/{promotionId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Pause a promotion: carts are no longer offered it
         * @description A payment quoted with it before the pause is refused (`promotion_unavailable`) and quoted again.
         */
        post: operations["pausePromotion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/promotions/{promotionId}/resume": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Resume a paused promotion
         * @description It applies again within its schedule and budget.
         */
        post: operations["resumePromotion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/promotions/{promotionId}/schedule": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set when a promotion runs (from startsAt; until endsAt, or open-ended)
         * @description Times are instants; the console shows them in China time.
         */
        put: operations["schedulePromotion"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Price a cart for a member (or nobody): member prices, promotions, coupons; writes nothing
         * @description Every adjustment carries its step, label and source (the promotion or coupon). Without `couponIds` the best eligible coupons apply; `[]` applies none. `unapplied` lists usable coupons left out. Devices quote for their own store; staff for their merchant (store staff their store).
         */
        post: operations["quoteCart"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Face-pay settings (kill switch, limits, risk rules, raw-image retention) and the engine thresholds
         * @description Readable by every staff member of the merchant; the engine figures and device policy are read-only.
         */
        get: operations["getMerchantSettings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change some settings (merchant and provider admins); every change is audited
         * @description Send only the settings to change. Values keep their JSON types: a string is never read as a number.
         */
        patch: operations["updateMerchantSettings"];
        trace?: never;
    };
    "/v1/merchants/{merchantId}/settlement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Daily settlement: gross, refunds and net per store, top-ups, and a ledger consistency check
         * @description One business day (00:00-24:00 China time). `ledgerConsistent` is false if any ledger transaction or cached balance disagrees with its entries.
         */
        get: operations["getSettlementReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/staff": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The staff accounts of a merchant, disabled ones included
         * @description Merchant and provider admins. Passwords are never shown.
         */
        get: operations["listStaff"];
        put?: never;
        /**
         * Create a staff account with a role (and a store for store roles)
         * @description Merchant admins and provider admins. Store managers and cashiers need `storeId`; a merchant admin has none. Give the person the username and password by hand; they sign in with `login`. Audited (without the password).
         */
        post: operations["createStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/staff/{staffId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a staff member's display name, role or store
         * @description A new role takes effect on their next request. Changing to merchant_admin drops the store; changing to a store role needs `storeId` unless they already have one. Nobody changes their own role or store. Audited.
         */
        patch: operations["updateStaff"];
        trace?: never;
    };
    "/v1/merchants/{merchantId}/staff/{staffId}/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Disable a staff account: signed out everywhere at once, and no more sign-ins
         * @description For someone who leaves or a lost password. Nothing they did is lost. You cannot disable yourself. Doing it twice changes nothing. Audited.
         */
        post: operations["disableStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/staff/{staffId}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Enable a disabled staff account again
         * @description They sign in with the password they had (reset it with `resetStaffPassword` if need be). Audited.
         */
        post: operations["enableStaff"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/staff/{staffId}/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a new password for a staff member; their sessions end
         * @description The admin chooses the new password and hands it over; the person is signed out everywhere and signs in with it. Audited (without the password).
         */
        post: operations["resetStaffPassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/stored-value-plans": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The merchant's stored-value plans (充值送)
         * @description Newest first, with their validity and per-member limit.
         */
        get: operations["listStoredValuePlans"];
        put?: never;
        /**
         * Offer a stored-value plan, e.g. 充100送20
         * @description Price and bonus in fen (the bonus at most the price), on sale from validFrom until validUntil, at most perMemberLimit per member. Audited.
         */
        post: operations["createStoredValuePlan"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/stored-value/report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Stored value as deferred revenue
         * @description Principal members hold (owed to them until spent or refunded) and bonus not yet spent, from the ledger; and per plan what was sold, refunded and forfeited.
         */
        get: operations["getStoredValueReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/stores": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * The stores of a merchant
         * @description Store managers and cashiers see their own store only.
         */
        get: operations["listStores"];
        put?: never;
        /**
         * Open a store of the merchant; merchant and provider admins
         * @description Store codes are unique within the merchant. Devices and store staff are then placed in the store.
         */
        post: operations["createStore"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/merchants/{merchantId}/stores/{storeId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a store's code, name, address or group; merchant and provider admins
         * @description Send only what changes; null clears the address or group. Every change is audited with its old and new value.
         */
        patch: operations["updateStore"];
        trace?: never;
    };
    "/v1/merchants/{merchantId}/stores/{storeId}/devices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Register a device in a store; returns its one-time activation code
         * @description Creates a pending device. Type its activation code into the device, which then calls `activateDevice` with its public key. The code is shown once and expires (SHUALIAN_ACTIVATION_CODE_TTL_HOURS).
         */
        post: operations["registerDevice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v1/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Charge the member an approved face session identified; retries with the same key never charge twice
         * @description Limits are checked as the money moves: the merchant's per-payment maximum and hourly count, 免密 limits where no step-up was answered, and the balance. A declined payment moves nothing. What the session's price used (a promotion's budget and limits) is spent in the same transaction: when it is gone (`promotion_unavailable`, `promotion_limit_reached`), nothing is charged; open a new session to price the cart again.
         */
        post: operations["createPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** ErrorBody */
        ErrorBody: {
            error: {
                /** @description stable machine-readable code, e.g. invalid_request */
                code: string;
                details?: {
                    [key: string]: unknown;
                };
                message: string;
            };
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getHealth: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The server and its database answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description pglite or postgres */
                        database: string;
                        /** @enum {string} */
                        status: "ok";
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `database_unavailable`: the database does not answer */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "database_unavailable";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getReadiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Every start-up check is done: face payment can be served */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        checks: {
                            [key: string]: "pending" | "ok" | "failed";
                        };
                        /** @enum {string} */
                        status: "ready";
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `not_ready`: the server is still starting (the face engine or galleries are loading) or a start-up step failed; details.checks says which */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "not_ready";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    password: string;
                    username: string;
                };
            };
        };
        responses: {
            /** @description Signed in: the session token, when it expires, and who you are */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                        staff: {
                            displayName: string;
                            /** Format: uuid */
                            merchantId: string | null;
                            /** @description What the role may do within the merchant (or store) it reaches; every call is still checked. Clients offer only these. */
                            permissions: ("merchant.read" | "merchant.manage" | "store.read" | "store.manage" | "device.read" | "device.manage" | "catalog.read" | "catalog.manage" | "staff.manage" | "audit.read" | "member.read" | "wallet.read" | "wallet.top_up" | "payment.read" | "payment.refund" | "settlement.read" | "settings.manage" | "face.identify" | "liveness.calibrate" | "events.manage" | "loyalty.manage" | "loyalty.points_adjust" | "stored_value.sell" | "promotion.read" | "promotion.manage" | "coupon.grant" | "presence.read")[];
                            /** Format: uuid */
                            providerId: string;
                            role: "provider_admin" | "merchant_admin" | "store_manager" | "cashier";
                            /** Format: uuid */
                            staffId: string;
                            /** Format: uuid */
                            storeId: string | null;
                            username: string;
                        };
                        token: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `invalid_credentials`: the username or password is wrong (which one is not said) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_credentials";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `account_locked`: too many wrong passwords for this account; it is locked for details.retryAfterSeconds, from any address
             *     - `rate_limited`: too many requests from this client in a short time; the message says when to retry
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "account_locked" | "rate_limited";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Signed out */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getCurrentStaff: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The signed-in staff member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string;
                        /** Format: uuid */
                        merchantId: string | null;
                        /** @description What the role may do within the merchant (or store) it reaches; every call is still checked. Clients offer only these. */
                        permissions: ("merchant.read" | "merchant.manage" | "store.read" | "store.manage" | "device.read" | "device.manage" | "catalog.read" | "catalog.manage" | "staff.manage" | "audit.read" | "member.read" | "wallet.read" | "wallet.top_up" | "payment.read" | "payment.refund" | "settlement.read" | "settings.manage" | "face.identify" | "liveness.calibrate" | "events.manage" | "loyalty.manage" | "loyalty.points_adjust" | "stored_value.sell" | "promotion.read" | "promotion.manage" | "coupon.grant" | "presence.read")[];
                        /** Format: uuid */
                        providerId: string;
                        role: "provider_admin" | "merchant_admin" | "store_manager" | "cashier";
                        /** Format: uuid */
                        staffId: string;
                        /** Format: uuid */
                        storeId: string | null;
                        username: string;
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getDemoCameraPicture: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The picture the demo camera plays */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description JPEG, base64 */
                        image: string;
                        memberName: string;
                        /** @description where the face turns in the picture (pixels), for a head-turn step-up */
                        turnAxis: {
                            centreX: number;
                            radius: number;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `demo_camera_unavailable`: the demo camera exists only in the demo merchant's kiosks
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "demo_camera_unavailable" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deviceHeartbeat: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    appVersion?: string;
                };
            };
        };
        responses: {
            /** @description Seen; the server time */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        serverTime: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getOpenLivenessCapture: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The open capture, or null */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        capture: {
                            /** Format: uuid */
                            captureId: string;
                            /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                            label: "live" | "print" | "screen" | "mask" | "other_attack";
                        } | null;
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    startLivenessAttempt: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The attempt and its colour challenge */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        attemptId: string;
                        challenge: {
                            nonce: string;
                            steps: {
                                durationMs: number;
                                /** @description [red, green, blue] */
                                rgb: number[];
                                startMs: number;
                            }[];
                            totalMs: number;
                        };
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `capture_not_open`: no calibration capture is open for this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "capture_not_open";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    submitLivenessAttemptFrames: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                attemptId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    frames: {
                        /** @description ms since the first colour went up, by the kiosk clock: when the camera took the frame */
                        atMs: number;
                        image: string;
                    }[];
                    /** @description when the kiosk actually put each colour up (0 for the first) and took the flash down; without it the schedule is assumed */
                    shownAtMs?: number[];
                };
            };
        };
        responses: {
            /** @description What the live checks measured */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        attemptId: string;
                        /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                        label: "live" | "print" | "screen" | "mask" | "other_attack";
                        verdict: {
                            antispoof: number[];
                            clearFrames: number;
                            colour: {
                                chanceInStep: number;
                                correlation: number;
                                passed: boolean;
                                reason: string | null;
                                stepsConfirmed: number;
                                stepsSeen: number;
                            };
                            liveness: number[];
                            /** @description every live check passed as configured: a payment would have gone on */
                            passed: boolean;
                            passiveLiveFrames: number;
                        };
                    };
                };
            };
            /**
             * @description - `flash_times_invalid`: shownAtMs does not fit the colour challenge
             *     - `frame_count_invalid`: too few or too many frames for this step
             *     - `image_corrupt`: the picture's header cannot be read
             *     - `image_encoding_invalid`: an image is not base64 (a data:image/...;base64, prefix is accepted)
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `no_usable_frame`: no frame shows one clear face (details give the reasons per frame)
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "flash_times_invalid" | "frame_count_invalid" | "image_corrupt" | "image_encoding_invalid" | "image_format_unsupported" | "image_too_large" | "image_truncated" | "invalid_request" | "no_usable_frame" | "not_an_image" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `attempt_not_found`: no such calibration attempt at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "attempt_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `attempt_used`: the calibration attempt has already been assessed */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "attempt_used";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `attempt_expired`: the calibration attempt expired; start another */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "attempt_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getDeviceProfile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The device and its merchant */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        demoCamera: boolean;
                        /** Format: uuid */
                        deviceId: string;
                        kind: "kiosk" | "entrance_camera" | "member_app";
                        merchantCode: string;
                        /** Format: uuid */
                        merchantId: string;
                        merchantName: string;
                        name: string;
                        /** Format: uuid */
                        storeId: string;
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    activateDevice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as shown; case and separators do not matter. A code without its merchant part still works */
                    activationCode: string;
                    appVersion?: string;
                    /** @description base64url SPKI, ECDSA P-256 */
                    publicKey: string;
                };
            };
        };
        responses: {
            /** @description Activated: the ids the device puts in its signed requests */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        deviceId: string;
                        kind: "kiosk" | "entrance_camera" | "member_app";
                        /** Format: uuid */
                        merchantId: string;
                        name: string;
                        /** Format: uuid */
                        storeId: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `public_key_invalid`: publicKey is not a base64url SPKI ECDSA P-256 public key
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "public_key_invalid" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `activation_code_expired`: the activation code has expired; register the device again
             *     - `activation_code_invalid`: the activation code is wrong or was already used
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "activation_code_expired" | "activation_code_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `rate_limited`: too many requests from this client in a short time; the message says when to retry */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "rate_limited";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createFaceSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    items: {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description The session, awaiting frames, and its colour challenge */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        attemptsLeft: number;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise */
                        greeting: {
                            /** @description the member may change coupons and points now (chooseFaceSessionOffers) */
                            choosable: boolean;
                            /** @description the member's coupons usable on this cart: applied first, then the rest, best first */
                            coupons: {
                                applied: boolean;
                                /** Format: uuid */
                                couponId: string;
                                /** @description what it takes off this cart, on its own; fen, positive */
                                discountFen: number;
                                label: string;
                            }[];
                            memberTier: string | null;
                            points: {
                                /** @description the member's points now */
                                balance: number;
                                /** @description the most points this cart can take as money off */
                                maxRedeemPoints: number;
                                /** @description points for each yuan off */
                                pointsPerYuanOff: number;
                                /** @description the points the price redeems now */
                                redeemedPoints: number;
                                /** @description the points this payment earns at amountFen */
                                toEarn: number;
                            } | null;
                        } | null;
                        /** @description the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face) */
                        headTurn: {
                            /** @description when to ask to look back at the screen */
                            backAtMs: number;
                            /** @description the shopper's own left or right */
                            side: "left" | "right";
                            /** @description when to stop capturing */
                            totalMs: number;
                            /** @description when to ask for the turn, ms after capture starts */
                            turnAtMs: number;
                        } | null;
                        items: {
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        member: {
                            maskedName: string | null;
                            maskedPhone: string;
                        } | null;
                        /** @description how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges */
                        pricing: {
                            adjustments: {
                                /** @description over the whole cart; negative for a discount */
                                amountFen: number;
                                code: string;
                                /** @description what the shopper reads ("金卡 9.5折", "满50减10") */
                                label: string;
                                /** @description what gave it (promotion, coupon, …); null for the member price and the like */
                                sourceKind: string | null;
                                /** @description the pricing step that made it (member_price, tier_discount, …) */
                                step: string;
                            }[];
                            /** @description priced for the recognised member (their tier, promotions and best coupons) */
                            forMember: boolean;
                            /** @description the member's tier by name */
                            memberTier: string | null;
                            /** @description the cart at list price */
                            subtotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        } | null;
                        reason: string | null;
                        /** Format: uuid */
                        sessionId: string;
                        status: "awaiting_frames" | "step_up" | "approved" | "paid" | "locked" | "refused";
                        stepUp: "phone_suffix" | "full_phone" | "pin" | "head_turn" | (never | null);
                    } & {
                        challenge: {
                            nonce: string;
                            steps: {
                                durationMs: number;
                                /** @description [red, green, blue] */
                                rgb: number[];
                                startMs: number;
                            }[];
                            totalMs: number;
                        };
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `cart_invalid`: the cart has too few or too many lines
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `product_unknown`: a cart line names no active product of this merchant (details.productId)
             *     - `quantity_invalid`: a quantity is out of range (details.productId)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "cart_invalid" | "invalid_request" | "product_unknown" | "quantity_invalid" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_under_review`: too many spoof attempts at this kiosk: face payment is paused for review
             *     - `face_pay_disabled`: face payment is switched off for this merchant
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_under_review" | "face_pay_disabled";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getFaceSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The session */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        attemptsLeft: number;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise */
                        greeting: {
                            /** @description the member may change coupons and points now (chooseFaceSessionOffers) */
                            choosable: boolean;
                            /** @description the member's coupons usable on this cart: applied first, then the rest, best first */
                            coupons: {
                                applied: boolean;
                                /** Format: uuid */
                                couponId: string;
                                /** @description what it takes off this cart, on its own; fen, positive */
                                discountFen: number;
                                label: string;
                            }[];
                            memberTier: string | null;
                            points: {
                                /** @description the member's points now */
                                balance: number;
                                /** @description the most points this cart can take as money off */
                                maxRedeemPoints: number;
                                /** @description points for each yuan off */
                                pointsPerYuanOff: number;
                                /** @description the points the price redeems now */
                                redeemedPoints: number;
                                /** @description the points this payment earns at amountFen */
                                toEarn: number;
                            } | null;
                        } | null;
                        /** @description the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face) */
                        headTurn: {
                            /** @description when to ask to look back at the screen */
                            backAtMs: number;
                            /** @description the shopper's own left or right */
                            side: "left" | "right";
                            /** @description when to stop capturing */
                            totalMs: number;
                            /** @description when to ask for the turn, ms after capture starts */
                            turnAtMs: number;
                        } | null;
                        items: {
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        member: {
                            maskedName: string | null;
                            maskedPhone: string;
                        } | null;
                        /** @description how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges */
                        pricing: {
                            adjustments: {
                                /** @description over the whole cart; negative for a discount */
                                amountFen: number;
                                code: string;
                                /** @description what the shopper reads ("金卡 9.5折", "满50减10") */
                                label: string;
                                /** @description what gave it (promotion, coupon, …); null for the member price and the like */
                                sourceKind: string | null;
                                /** @description the pricing step that made it (member_price, tier_discount, …) */
                                step: string;
                            }[];
                            /** @description priced for the recognised member (their tier, promotions and best coupons) */
                            forMember: boolean;
                            /** @description the member's tier by name */
                            memberTier: string | null;
                            /** @description the cart at list price */
                            subtotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        } | null;
                        reason: string | null;
                        /** Format: uuid */
                        sessionId: string;
                        status: "awaiting_frames" | "step_up" | "approved" | "paid" | "locked" | "refused";
                        stepUp: "phone_suffix" | "full_phone" | "pin" | "head_turn" | (never | null);
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_not_found`: no such face session at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    chooseFaceSessionOffers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the member's coupons to use on this cart (from greeting.coupons); empty: none */
                    couponIds: string[];
                    /** @description points to take as money off (at most greeting.points.maxRedeemPoints); 0: none */
                    redeemPoints: number;
                };
            };
        };
        responses: {
            /** @description The session priced with the choices */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        attemptsLeft: number;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise */
                        greeting: {
                            /** @description the member may change coupons and points now (chooseFaceSessionOffers) */
                            choosable: boolean;
                            /** @description the member's coupons usable on this cart: applied first, then the rest, best first */
                            coupons: {
                                applied: boolean;
                                /** Format: uuid */
                                couponId: string;
                                /** @description what it takes off this cart, on its own; fen, positive */
                                discountFen: number;
                                label: string;
                            }[];
                            memberTier: string | null;
                            points: {
                                /** @description the member's points now */
                                balance: number;
                                /** @description the most points this cart can take as money off */
                                maxRedeemPoints: number;
                                /** @description points for each yuan off */
                                pointsPerYuanOff: number;
                                /** @description the points the price redeems now */
                                redeemedPoints: number;
                                /** @description the points this payment earns at amountFen */
                                toEarn: number;
                            } | null;
                        } | null;
                        /** @description the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face) */
                        headTurn: {
                            /** @description when to ask to look back at the screen */
                            backAtMs: number;
                            /** @description the shopper's own left or right */
                            side: "left" | "right";
                            /** @description when to stop capturing */
                            totalMs: number;
                            /** @description when to ask for the turn, ms after capture starts */
                            turnAtMs: number;
                        } | null;
                        items: {
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        member: {
                            maskedName: string | null;
                            maskedPhone: string;
                        } | null;
                        /** @description how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges */
                        pricing: {
                            adjustments: {
                                /** @description over the whole cart; negative for a discount */
                                amountFen: number;
                                code: string;
                                /** @description what the shopper reads ("金卡 9.5折", "满50减10") */
                                label: string;
                                /** @description what gave it (promotion, coupon, …); null for the member price and the like */
                                sourceKind: string | null;
                                /** @description the pricing step that made it (member_price, tier_discount, …) */
                                step: string;
                            }[];
                            /** @description priced for the recognised member (their tier, promotions and best coupons) */
                            forMember: boolean;
                            /** @description the member's tier by name */
                            memberTier: string | null;
                            /** @description the cart at list price */
                            subtotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        } | null;
                        reason: string | null;
                        /** Format: uuid */
                        sessionId: string;
                        status: "awaiting_frames" | "step_up" | "approved" | "paid" | "locked" | "refused";
                        stepUp: "phone_suffix" | "full_phone" | "pin" | "head_turn" | (never | null);
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `coupon_not_applicable`: a coupon chosen is not usable on this cart now (details.couponId)
             *     - `coupon_not_combinable`: the coupons chosen cannot be used together: two of one template, or an exclusive one (details.couponIds)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `points_invalid`: points must be a whole number (other than 0 for an adjustment) within the allowed range
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "coupon_not_applicable" | "coupon_not_combinable" | "invalid_request" | "points_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_locked`: too many failed step-up answers: the session is locked; start again or pay another way */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_not_found`: no such face session at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `choice_needs_pin`: with these choices the amount is above the member’s 免密 limit and they have no payment PIN; the session keeps its price
             *     - `face_session_refused`: the face session was refused; start a new one
             *     - `face_session_used`: the face session was already answered or has paid
             *     - `face_session_wrong_state`: the face session is not in the state this step needs (details.status)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "choice_needs_pin" | "face_session_refused" | "face_session_used" | "face_session_wrong_state";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_expired`: the face session has expired; start again */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    submitFirstLook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    image: string;
                };
            };
        };
        responses: {
            /** @description Analysed: whether the frame shows one usable face, and the quality reasons if not */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        reasons: string[];
                        /** Format: uuid */
                        sessionId: string;
                        usable: boolean;
                    };
                };
            };
            /**
             * @description - `image_corrupt`: the picture's header cannot be read
             *     - `image_encoding_invalid`: an image is not base64 (a data:image/...;base64, prefix is accepted)
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "image_corrupt" | "image_encoding_invalid" | "image_format_unsupported" | "image_too_large" | "image_truncated" | "invalid_request" | "not_an_image" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_locked`: too many failed step-up answers: the session is locked; start again or pay another way */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_not_found`: no such face session at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_session_refused`: the face session was refused; start a new one
             *     - `face_session_used`: the face session was already answered or has paid
             *     - `face_session_wrong_state`: the face session is not in the state this step needs (details.status)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_refused" | "face_session_used" | "face_session_wrong_state";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_expired`: the face session has expired; start again */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    submitFaceFrames: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    frames: {
                        /** @description ms since the first colour went up, by the kiosk clock: when the camera took the frame */
                        atMs: number;
                        image: string;
                    }[];
                    /** @description when the kiosk actually put each colour up (0 for the first) and took the flash down; without it the schedule is assumed */
                    shownAtMs?: number[];
                };
            };
        };
        responses: {
            /** @description The decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        attemptsLeft: number;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise */
                        greeting: {
                            /** @description the member may change coupons and points now (chooseFaceSessionOffers) */
                            choosable: boolean;
                            /** @description the member's coupons usable on this cart: applied first, then the rest, best first */
                            coupons: {
                                applied: boolean;
                                /** Format: uuid */
                                couponId: string;
                                /** @description what it takes off this cart, on its own; fen, positive */
                                discountFen: number;
                                label: string;
                            }[];
                            memberTier: string | null;
                            points: {
                                /** @description the member's points now */
                                balance: number;
                                /** @description the most points this cart can take as money off */
                                maxRedeemPoints: number;
                                /** @description points for each yuan off */
                                pointsPerYuanOff: number;
                                /** @description the points the price redeems now */
                                redeemedPoints: number;
                                /** @description the points this payment earns at amountFen */
                                toEarn: number;
                            } | null;
                        } | null;
                        /** @description the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face) */
                        headTurn: {
                            /** @description when to ask to look back at the screen */
                            backAtMs: number;
                            /** @description the shopper's own left or right */
                            side: "left" | "right";
                            /** @description when to stop capturing */
                            totalMs: number;
                            /** @description when to ask for the turn, ms after capture starts */
                            turnAtMs: number;
                        } | null;
                        items: {
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        member: {
                            maskedName: string | null;
                            maskedPhone: string;
                        } | null;
                        /** @description how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges */
                        pricing: {
                            adjustments: {
                                /** @description over the whole cart; negative for a discount */
                                amountFen: number;
                                code: string;
                                /** @description what the shopper reads ("金卡 9.5折", "满50减10") */
                                label: string;
                                /** @description what gave it (promotion, coupon, …); null for the member price and the like */
                                sourceKind: string | null;
                                /** @description the pricing step that made it (member_price, tier_discount, …) */
                                step: string;
                            }[];
                            /** @description priced for the recognised member (their tier, promotions and best coupons) */
                            forMember: boolean;
                            /** @description the member's tier by name */
                            memberTier: string | null;
                            /** @description the cart at list price */
                            subtotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        } | null;
                        reason: string | null;
                        /** Format: uuid */
                        sessionId: string;
                        status: "awaiting_frames" | "step_up" | "approved" | "paid" | "locked" | "refused";
                        stepUp: "phone_suffix" | "full_phone" | "pin" | "head_turn" | (never | null);
                    };
                };
            };
            /**
             * @description - `flash_times_invalid`: shownAtMs does not fit the colour challenge
             *     - `frame_count_invalid`: too few or too many frames for this step
             *     - `image_corrupt`: the picture's header cannot be read
             *     - `image_encoding_invalid`: an image is not base64 (a data:image/...;base64, prefix is accepted)
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `no_usable_frame`: no frame shows one clear face (details give the reasons per frame)
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "flash_times_invalid" | "frame_count_invalid" | "image_corrupt" | "image_encoding_invalid" | "image_format_unsupported" | "image_too_large" | "image_truncated" | "invalid_request" | "no_usable_frame" | "not_an_image" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_locked`: too many failed step-up answers: the session is locked; start again or pay another way */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_not_found`: no such face session at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_session_refused`: the face session was refused; start a new one
             *     - `face_session_used`: the face session was already answered or has paid
             *     - `face_session_wrong_state`: the face session is not in the state this step needs (details.status)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_refused" | "face_session_used" | "face_session_wrong_state";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_expired`: the face session has expired; start again */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    submitHeadTurn: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    frames: {
                        /** @description ms since the kiosk began capturing for the head turn */
                        atMs: number;
                        image: string;
                    }[];
                };
            };
        };
        responses: {
            /** @description The decision */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        attemptsLeft: number;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise */
                        greeting: {
                            /** @description the member may change coupons and points now (chooseFaceSessionOffers) */
                            choosable: boolean;
                            /** @description the member's coupons usable on this cart: applied first, then the rest, best first */
                            coupons: {
                                applied: boolean;
                                /** Format: uuid */
                                couponId: string;
                                /** @description what it takes off this cart, on its own; fen, positive */
                                discountFen: number;
                                label: string;
                            }[];
                            memberTier: string | null;
                            points: {
                                /** @description the member's points now */
                                balance: number;
                                /** @description the most points this cart can take as money off */
                                maxRedeemPoints: number;
                                /** @description points for each yuan off */
                                pointsPerYuanOff: number;
                                /** @description the points the price redeems now */
                                redeemedPoints: number;
                                /** @description the points this payment earns at amountFen */
                                toEarn: number;
                            } | null;
                        } | null;
                        /** @description the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face) */
                        headTurn: {
                            /** @description when to ask to look back at the screen */
                            backAtMs: number;
                            /** @description the shopper's own left or right */
                            side: "left" | "right";
                            /** @description when to stop capturing */
                            totalMs: number;
                            /** @description when to ask for the turn, ms after capture starts */
                            turnAtMs: number;
                        } | null;
                        items: {
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        member: {
                            maskedName: string | null;
                            maskedPhone: string;
                        } | null;
                        /** @description how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges */
                        pricing: {
                            adjustments: {
                                /** @description over the whole cart; negative for a discount */
                                amountFen: number;
                                code: string;
                                /** @description what the shopper reads ("金卡 9.5折", "满50减10") */
                                label: string;
                                /** @description what gave it (promotion, coupon, …); null for the member price and the like */
                                sourceKind: string | null;
                                /** @description the pricing step that made it (member_price, tier_discount, …) */
                                step: string;
                            }[];
                            /** @description priced for the recognised member (their tier, promotions and best coupons) */
                            forMember: boolean;
                            /** @description the member's tier by name */
                            memberTier: string | null;
                            /** @description the cart at list price */
                            subtotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        } | null;
                        reason: string | null;
                        /** Format: uuid */
                        sessionId: string;
                        status: "awaiting_frames" | "step_up" | "approved" | "paid" | "locked" | "refused";
                        stepUp: "phone_suffix" | "full_phone" | "pin" | "head_turn" | (never | null);
                    };
                };
            };
            /**
             * @description - `frame_count_invalid`: too few or too many frames for this step
             *     - `image_corrupt`: the picture's header cannot be read
             *     - `image_encoding_invalid`: an image is not base64 (a data:image/...;base64, prefix is accepted)
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `step_up_mismatch`: the answer is not the step-up the session asks for (details.stepUp)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "frame_count_invalid" | "image_corrupt" | "image_encoding_invalid" | "image_format_unsupported" | "image_too_large" | "image_truncated" | "invalid_request" | "not_an_image" | "step_up_mismatch" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_locked`: too many failed step-up answers: the session is locked; start again or pay another way */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_not_found`: no such face session at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_session_refused`: the face session was refused; start a new one
             *     - `face_session_used`: the face session was already answered or has paid
             *     - `face_session_wrong_state`: the face session is not in the state this step needs (details.status)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_refused" | "face_session_used" | "face_session_wrong_state";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_expired`: the face session has expired; start again */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    verifyStepUp: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sessionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    phone?: string;
                    phoneSuffix?: string;
                    pin?: string;
                };
            };
        };
        responses: {
            /** @description The decision after the answer */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        attemptsLeft: number;
                        /** Format: date-time */
                        expiresAt: string;
                        /** @description what the kiosk's greeting shows once the face names the member surely, before they confirm (and on the paid screen); null otherwise */
                        greeting: {
                            /** @description the member may change coupons and points now (chooseFaceSessionOffers) */
                            choosable: boolean;
                            /** @description the member's coupons usable on this cart: applied first, then the rest, best first */
                            coupons: {
                                applied: boolean;
                                /** Format: uuid */
                                couponId: string;
                                /** @description what it takes off this cart, on its own; fen, positive */
                                discountFen: number;
                                label: string;
                            }[];
                            memberTier: string | null;
                            points: {
                                /** @description the member's points now */
                                balance: number;
                                /** @description the most points this cart can take as money off */
                                maxRedeemPoints: number;
                                /** @description points for each yuan off */
                                pointsPerYuanOff: number;
                                /** @description the points the price redeems now */
                                redeemedPoints: number;
                                /** @description the points this payment earns at amountFen */
                                toEarn: number;
                            } | null;
                        } | null;
                        /** @description the head turn to ask for when stepUp is head_turn (the screen flash did not show on the face) */
                        headTurn: {
                            /** @description when to ask to look back at the screen */
                            backAtMs: number;
                            /** @description the shopper's own left or right */
                            side: "left" | "right";
                            /** @description when to stop capturing */
                            totalMs: number;
                            /** @description when to ask for the turn, ms after capture starts */
                            turnAtMs: number;
                        } | null;
                        items: {
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        member: {
                            maskedName: string | null;
                            maskedPhone: string;
                        } | null;
                        /** @description how amountFen was reached: once the face names the member, their price, which the 免密 limits and step-ups weigh and the payment charges */
                        pricing: {
                            adjustments: {
                                /** @description over the whole cart; negative for a discount */
                                amountFen: number;
                                code: string;
                                /** @description what the shopper reads ("金卡 9.5折", "满50减10") */
                                label: string;
                                /** @description what gave it (promotion, coupon, …); null for the member price and the like */
                                sourceKind: string | null;
                                /** @description the pricing step that made it (member_price, tier_discount, …) */
                                step: string;
                            }[];
                            /** @description priced for the recognised member (their tier, promotions and best coupons) */
                            forMember: boolean;
                            /** @description the member's tier by name */
                            memberTier: string | null;
                            /** @description the cart at list price */
                            subtotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        } | null;
                        reason: string | null;
                        /** Format: uuid */
                        sessionId: string;
                        status: "awaiting_frames" | "step_up" | "approved" | "paid" | "locked" | "refused";
                        stepUp: "phone_suffix" | "full_phone" | "pin" | "head_turn" | (never | null);
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `phone_invalid`: the phone is not an 11-digit mainland China mobile number
             *     - `phone_suffix_invalid`: the phone suffix is not 4 digits
             *     - `pin_not_set`: the member has no payment PIN
             *     - `step_up_mismatch`: the answer is not the step-up the session asks for (details.stepUp)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "phone_invalid" | "phone_suffix_invalid" | "pin_not_set" | "step_up_mismatch" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_locked`: too many failed step-up answers: the session is locked; start again or pay another way */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_not_found`: no such face session at this kiosk */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_session_refused`: the face session was refused; start a new one
             *     - `face_session_used`: the face session was already answered or has paid
             *     - `face_session_wrong_state`: the face session is not in the state this step needs (details.status)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_refused" | "face_session_used" | "face_session_wrong_state";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_expired`: the face session has expired; start again */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    detectFaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The faces found */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        faces: {
                            age: number | null;
                            antispoofScore: number | null;
                            box: {
                                height: number;
                                width: number;
                                x: number;
                                y: number;
                            };
                            gender: string | null;
                            livenessScore: number | null;
                            passiveLive: boolean;
                            pose: {
                                pitch: number;
                                roll: number;
                                turn: number;
                                yaw: number;
                            } | null;
                            /** @description named quality problems: face_too_small, bad_pose, too_dark, blurred, eyes_closed, … */
                            reasons: string[];
                            score: number;
                            /** @description one clear face that passes every quality gate */
                            usable: boolean;
                        }[];
                        height: number;
                        subject: number | null;
                        timingsMs: {
                            [key: string]: number;
                        };
                        width: number;
                    };
                };
            };
            /**
             * @description - `image_corrupt`: the picture's header cannot be read
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_missing`: a required multipart image field is missing
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `multipart_invalid`: the multipart body cannot be read
             *     - `multipart_required`: send the images as multipart/form-data
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `unexpected_field`: a multipart field this operation does not take
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "image_corrupt" | "image_format_unsupported" | "image_missing" | "image_too_large" | "image_truncated" | "invalid_request" | "multipart_invalid" | "multipart_required" | "not_an_image" | "string_invalid" | "unexpected_field";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    verifyFaces: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The similarity and the verdict */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        same: boolean;
                        similarity: number;
                        threshold: number;
                    };
                };
            };
            /**
             * @description - `blurred`: the face is blurred
             *     - `face_too_small`: the face is too small in the picture; come closer
             *     - `face_unusable`: the face could not be described
             *     - `image_corrupt`: the picture's header cannot be read
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_missing`: a required multipart image field is missing
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `multipart_invalid`: the multipart body cannot be read
             *     - `multipart_required`: send the images as multipart/form-data
             *     - `multiple_faces`: more than one face was found where exactly one is needed
             *     - `no_face`: no face was found in the image
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `too_bright`: the face is too bright
             *     - `too_dark`: the face is too dark
             *     - `unexpected_field`: a multipart field this operation does not take
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "blurred" | "face_too_small" | "face_unusable" | "image_corrupt" | "image_format_unsupported" | "image_missing" | "image_too_large" | "image_truncated" | "invalid_request" | "multipart_invalid" | "multipart_required" | "multiple_faces" | "no_face" | "not_an_image" | "string_invalid" | "too_bright" | "too_dark" | "unexpected_field";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    recordConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {boolean} */
                    accepted: true;
                    textSha256: string;
                    version: string;
                };
            };
        };
        responses: {
            /** @description Consent recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        consentId: string;
                        /** Format: date-time */
                        grantedAt: string;
                        version: string;
                    };
                };
            };
            /**
             * @description - `consent_text_outdated`: the consent version or text hash is not the current one; show the member the current text
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_text_outdated" | "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    withdrawConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Withdrawn; what was deleted */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imagesDeleted: number;
                        templatesDeleted: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `consent_not_given`: there is no biometric consent to withdraw */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_not_given";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    recordEntranceConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @enum {boolean} */
                    accepted: true;
                    textSha256: string;
                    version: string;
                };
            };
        };
        responses: {
            /** @description Consent recorded */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        consentId: string;
                        /** Format: date-time */
                        grantedAt: string;
                        version: string;
                    };
                };
            };
            /**
             * @description - `consent_text_outdated`: the consent version or text hash is not the current one; show the member the current text
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_text_outdated" | "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    withdrawEntranceConsent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Off from now on: the next crop of this member is counted anonymously */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @enum {boolean} */
                        on: false;
                        /** Format: date-time */
                        withdrawnAt: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `consent_not_given`: there is no biometric consent to withdraw */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_not_given";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMyCoupons: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description My coupons */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        expired: {
                            /** Format: uuid */
                            couponId: string;
                            /** @description what it gives, in words (满50减5, 8.5折, …) */
                            description: string;
                            /** @description usable and expiring within 3 days */
                            expiresSoon: boolean;
                            name: string;
                            offlineOnly: boolean;
                            /** Format: date-time */
                            redeemedAt: string | null;
                            source: string;
                            /** Format: uuid */
                            templateId: string;
                            /** Format: date-time */
                            validFrom: string;
                            /** Format: date-time */
                            validUntil: string;
                            /** @description amount in fen (1/100 yuan) */
                            valueFen: number | null;
                        }[];
                        /** @description valid from a later moment */
                        upcoming: {
                            /** Format: uuid */
                            couponId: string;
                            /** @description what it gives, in words (满50减5, 8.5折, …) */
                            description: string;
                            /** @description usable and expiring within 3 days */
                            expiresSoon: boolean;
                            name: string;
                            offlineOnly: boolean;
                            /** Format: date-time */
                            redeemedAt: string | null;
                            source: string;
                            /** Format: uuid */
                            templateId: string;
                            /** Format: date-time */
                            validFrom: string;
                            /** Format: date-time */
                            validUntil: string;
                            /** @description amount in fen (1/100 yuan) */
                            valueFen: number | null;
                        }[];
                        usable: {
                            /** Format: uuid */
                            couponId: string;
                            /** @description what it gives, in words (满50减5, 8.5折, …) */
                            description: string;
                            /** @description usable and expiring within 3 days */
                            expiresSoon: boolean;
                            name: string;
                            offlineOnly: boolean;
                            /** Format: date-time */
                            redeemedAt: string | null;
                            source: string;
                            /** Format: uuid */
                            templateId: string;
                            /** Format: date-time */
                            validFrom: string;
                            /** Format: date-time */
                            validUntil: string;
                            /** @description amount in fen (1/100 yuan) */
                            valueFen: number | null;
                        }[];
                        used: {
                            /** Format: uuid */
                            couponId: string;
                            /** @description what it gives, in words (满50减5, 8.5折, …) */
                            description: string;
                            /** @description usable and expiring within 3 days */
                            expiresSoon: boolean;
                            name: string;
                            offlineOnly: boolean;
                            /** Format: date-time */
                            redeemedAt: string | null;
                            source: string;
                            /** Format: uuid */
                            templateId: string;
                            /** Format: date-time */
                            validFrom: string;
                            /** Format: date-time */
                            validUntil: string;
                            /** @description amount in fen (1/100 yuan) */
                            valueFen: number | null;
                        }[];
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getEntranceRecognition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Entrance recognition for this member, and the text to agree to */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The entrance consent text */
                        document: {
                            en: string;
                            /** @enum {string} */
                            purpose: "entrance_recognition";
                            sha256: string;
                            version: string;
                            /** @description a visit ends after this many minutes unseen (the text says so) */
                            visitWindowMinutes: number;
                            zh: string;
                        };
                        /** @description the member has face data (enrolled for face payment); without it the entrance cannot recognise them */
                        faceEnrolled: boolean;
                        /** Format: date-time */
                        grantedAt: string | null;
                        /** @description whether the member is recognised at the entrance (off until they turn it on) */
                        on: boolean;
                        /** @description the version agreed to; null when off */
                        version: string | null;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getFaceData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stored face data */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        consent: {
                            /** Format: date-time */
                            grantedAt: string;
                            version: string;
                        } | null;
                        enrolled: boolean;
                        /** Format: date-time */
                        enrolledAt: string | null;
                        model: string | null;
                        rawImagesKept: number;
                        templateCount: number;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    enrollFace: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    frames: string[];
                };
            };
        };
        responses: {
            /** @description Enrolled */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        framesRejected: {
                            frame: number;
                            reasons: string[];
                        }[];
                        framesUsed: number;
                        replacedPrevious: boolean;
                        templateCount: number;
                    };
                };
            };
            /**
             * @description - `frame_count_invalid`: too few or too many frames for this step
             *     - `image_corrupt`: the picture's header cannot be read
             *     - `image_encoding_invalid`: an image is not base64 (a data:image/...;base64, prefix is accepted)
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `member_not_found`: no such member in this merchant
             *     - `no_usable_frame`: no frame shows one clear face (details give the reasons per frame)
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `spoof_suspected`: the frames do not look like a live face
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "frame_count_invalid" | "image_corrupt" | "image_encoding_invalid" | "image_format_unsupported" | "image_too_large" | "image_truncated" | "invalid_request" | "member_not_found" | "no_usable_frame" | "not_an_image" | "spoof_suspected" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `consent_required`: the member has not given biometric consent
             *     - `consent_withdrawn`: the member withdrew biometric consent while this request ran; nothing was stored
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_required" | "consent_withdrawn";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_already_enrolled`: this face is already enrolled for another member; staff can help
             *     - `face_data_deleted`: the member's face data was deleted while this request ran; nothing was stored or paid
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_already_enrolled" | "face_data_deleted";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteFaceData: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted; how much */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        imagesDeleted: number;
                        templatesDeleted: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMyCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 12 digits in groups of four, the last a Luhn check digit */
                        cardNumber: string;
                        /** Format: uuid */
                        memberId: string;
                        pointsBalance: number;
                        progress: {
                            /** @description what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits */
                            basis: "spend" | "points" | "visits";
                            measure: number;
                            next: {
                                name: string;
                                remaining: number;
                                threshold: number;
                            } | null;
                            windowDays: number;
                        };
                        qr: {
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description signed by the server, scans until expiresAt */
                            payload: string;
                        };
                        storedValue: {
                            /** @description amount in fen (1/100 yuan) */
                            bonusFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            principalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        };
                        tier: {
                            birthdayPoints: number;
                            discountPercent: number;
                            name: string;
                            pointsMultiplierPercent: number;
                            rank: number;
                        } | null;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `member_not_found`: no such member in this merchant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMyPoints: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balance: number;
                        history: {
                            /** Format: date-time */
                            at: string;
                            kind: string;
                            points: number;
                            reference: string | null;
                        }[];
                        /** Format: uuid */
                        memberId: string;
                        /** @description points refunds could not take back because they were already spent */
                        shortfall: number;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listMyStoredValuePlans: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plans on sale */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plans: {
                            /** @description amount in fen (1/100 yuan) */
                            bonusFen: number;
                            name: string;
                            perMemberLimit: number;
                            /** Format: uuid */
                            planId: string;
                            /** @description amount in fen (1/100 yuan) */
                            priceFen: number;
                            /** Format: date-time */
                            validFrom: string;
                            /** Format: date-time */
                            validUntil: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMyTierHistory: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The changes */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        changes: {
                            /** Format: date-time */
                            at: string;
                            fromRank: number;
                            fromTier: string | null;
                            measure: number;
                            reason: "payment" | "evaluation";
                            toRank: number;
                            toTier: string | null;
                        }[];
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMember: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The member */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        displayName: string | null;
                        maskedPhone: string;
                        /** Format: uuid */
                        memberId: string;
                        /** Format: uuid */
                        merchantId: string;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `member_not_found`: no such member in this merchant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPaymentAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The agreement */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        dailyLimitFen: number;
                        passwordFree: boolean;
                        /** @description amount in fen (1/100 yuan) */
                        perPaymentLimitFen: number;
                        /** Format: date-time */
                        pinLockedUntil: string | null;
                        pinSet: boolean;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updatePaymentAgreement: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description limit in fen (1/100 yuan) */
                    dailyLimitFen?: number;
                    passwordFree?: boolean;
                    /** @description limit in fen (1/100 yuan) */
                    perPaymentLimitFen?: number;
                };
            };
        };
        responses: {
            /** @description The agreement after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        dailyLimitFen: number;
                        passwordFree: boolean;
                        /** @description amount in fen (1/100 yuan) */
                        perPaymentLimitFen: number;
                        /** Format: date-time */
                        pinLockedUntil: string | null;
                        pinSet: boolean;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `limit_invalid`: a limit is negative, not whole, or the per-payment limit is above the daily limit
             *     - `limit_too_high`: a limit is above what the merchant allows (details.maxPaymentFen)
             *     - `pin_required`: set a payment PIN before turning on password-free payment
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "limit_invalid" | "limit_too_high" | "pin_required" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    setPaymentPin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPin?: string;
                    pin: string;
                };
            };
        };
        responses: {
            /** @description The agreement, with the PIN set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        dailyLimitFen: number;
                        passwordFree: boolean;
                        /** @description amount in fen (1/100 yuan) */
                        perPaymentLimitFen: number;
                        /** Format: date-time */
                        pinLockedUntil: string | null;
                        pinSet: boolean;
                    };
                };
            };
            /**
             * @description - `current_pin_required`: give the current PIN to change it
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `pin_invalid`: the PIN is not 6 digits
             *     - `pin_too_weak`: the PIN is a repeated digit or a simple run
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "current_pin_required" | "invalid_request" | "pin_invalid" | "pin_too_weak" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             *     - `pin_wrong`: the PIN is wrong (the message says how many tries are left)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing" | "pin_wrong";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `pin_locked`: too many wrong PINs; the PIN is locked until details.lockedUntil
             *     - `rate_limited`: too many requests from this client in a short time; the message says when to retry
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "pin_locked" | "rate_limited";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listReceipts: {
        parameters: {
            query: {
                limit: number;
                before?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The receipts, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        receipts: {
                            body: {
                                [key: string]: unknown;
                            };
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: string;
                            /** Format: uuid */
                            paymentId: string | null;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getWallet: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The wallet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        /** @description stored-value bonus (充值送) not yet spent, in fen; payments spend it beside the balance */
                        bonusFen: number;
                        history: {
                            /** @description amount in fen (1/100 yuan) */
                            amountFen: number;
                            /** Format: date-time */
                            at: string;
                            kind: string;
                            reference: string | null;
                            /** @description a test-channel top-up: no real payment stands behind it */
                            testMoney: boolean;
                            /** Format: uuid */
                            transactionId: string;
                        }[];
                        /** Format: uuid */
                        memberId: string;
                        /** @description the cached balance equals the sum of ledger entries */
                        verified: boolean;
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `member_not_found`: no such member in this merchant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    topUpWalletTestChannel: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    amountFen: number;
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                };
            };
        };
        responses: {
            /** @description Topped up with test money */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        channel: "till" | "test";
                        /** Format: uuid */
                        memberId: string;
                        /** @description true for the test payment channel: test money, not real money */
                        testMoney: boolean;
                        /** Format: uuid */
                        transactionId: string;
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "idempotency_key_invalid" | "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_session_invalid`: the member session is unknown or expired; sign in again
             *     - `member_session_missing`: no member bearer token (from registerMember)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_session_invalid" | "member_session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `forbidden`: your role, merchant or store may not do this here
             *     - `test_channel_disabled`: this merchant does not take top-ups through the test payment channel
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "test_channel_disabled";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `member_not_found`: no such member in this merchant */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `idempotency_key_reused`: this idempotency key was already used for a different request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getConsentDocument: {
        parameters: {
            query: {
                /** @description the brand code, e.g. yabo */
                merchantCode: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The consent document */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        en: string;
                        purpose: string;
                        /** @description whether this merchant keeps enrollment photos (encrypted) */
                        rawImagesKept: boolean;
                        /** @description days kept enrollment photos are kept at most */
                        retentionDays: number;
                        sha256: string;
                        version: string;
                        zh: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getEntranceConsentDocument: {
        parameters: {
            query: {
                /** @description the brand code, e.g. yabo */
                merchantCode: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The entrance consent text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        en: string;
                        /** @enum {string} */
                        purpose: "entrance_recognition";
                        sha256: string;
                        version: string;
                        /** @description a visit ends after this many minutes unseen (the text says so) */
                        visitWindowMinutes: number;
                        zh: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    requestOtp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the brand code, e.g. yabo */
                    merchantCode: string;
                    phone: string;
                };
            };
        };
        responses: {
            /** @description The code is on its way; it works until expiresAt */
            202: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expiresAt: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `phone_invalid`: the phone is not an 11-digit mainland China mobile number
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "phone_invalid" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `otp_ip_limit`: too many codes from this network in the last hour
             *     - `otp_merchant_limit`: this merchant sent too many codes in the last hour
             *     - `otp_phone_limit`: too many codes for this phone in the last hour
             *     - `otp_too_soon`: a code was sent to this phone less than 60 s ago
             *     - `rate_limited`: too many requests from this client in a short time; the message says when to retry
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "otp_ip_limit" | "otp_merchant_limit" | "otp_phone_limit" | "otp_too_soon" | "rate_limited";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    registerMember: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    displayName?: string;
                    /** @description the brand code, e.g. yabo */
                    merchantCode: string;
                    phone: string;
                };
            };
        };
        responses: {
            /** @description Signed in */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        created: boolean;
                        /** Format: date-time */
                        expiresAt: string;
                        member: {
                            displayName: string | null;
                            maskedPhone: string;
                            /** Format: uuid */
                            memberId: string;
                            /** Format: uuid */
                            merchantId: string;
                        };
                        token: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `phone_invalid`: the phone is not an 11-digit mainland China mobile number
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "phone_invalid" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `otp_expired`: the code has expired; ask for a new one
             *     - `otp_invalid`: the code is wrong, or no open code was sent to this phone
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "otp_expired" | "otp_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `otp_attempts_exceeded`: too many wrong codes; ask for a new one
             *     - `rate_limited`: too many requests from this client in a short time; the message says when to retry
             */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "otp_attempts_exceeded" | "rate_limited";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listMerchants: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The merchants, oldest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        merchants: {
                            code: string;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            name: string;
                            /** Format: uuid */
                            providerId: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createMerchant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description the brand code, e.g. yabo */
                    code: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The new merchant */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        code: string;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        name: string;
                        /** Format: uuid */
                        providerId: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_code_taken`: another merchant already has this code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_code_taken";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query: {
                limit: number;
                beforeId?: number;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to `limit` events, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        events: {
                            action: string;
                            actorId: string | null;
                            actorType: string;
                            /** Format: date-time */
                            at: string;
                            details: {
                                [key: string]: unknown;
                            };
                            id: number;
                            targetId: string | null;
                            targetType: string | null;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listCouponTemplates: {
        parameters: {
            query: {
                limit: number;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        templates: {
                            /** Format: date-time */
                            createdAt: string;
                            description: string;
                            issued: number;
                            /** @description What the offer takes off */
                            method: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                maxDiscountFen?: number;
                                /** @description percent off, 1-100 (10 is 9折) */
                                percentOff: number;
                                target: "items" | "order";
                                /** @enum {string} */
                                type: "percent_off";
                            } | {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                amountFen: number;
                                target: "items" | "order";
                                /** @enum {string} */
                                type: "fixed_off";
                            } | {
                                tiers: {
                                    /** @description amount in fen (1/100 yuan), at least 1 */
                                    offFen: number;
                                    /** @description amount in fen (1/100 yuan), at least 1 */
                                    thresholdFen: number;
                                }[];
                                /** @enum {string} */
                                type: "threshold_off";
                            } | {
                                buyQuantity: number;
                                getQuantity: number;
                                /** @description percent off, 1-100 (10 is 9折) */
                                percentOff: number;
                                /** @enum {string} */
                                type: "buy_x_get_y";
                            } | {
                                priceFen: number;
                                /** @enum {string} */
                                type: "special_price";
                            } | {
                                /** Format: uuid */
                                productId: string;
                                quantity: number;
                                /** @enum {string} */
                                type: "free_gift";
                            } | {
                                multiplier: number;
                                /** @enum {string} */
                                type: "points_multiplier";
                            };
                            name: string;
                            offlineOnly: boolean;
                            perMemberCap: number | null;
                            priority: number;
                            redeemed: number;
                            /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                            rules: {
                                categories?: string[];
                                firstPurchase?: boolean;
                                hours?: {
                                    from: string;
                                    to: string;
                                };
                                memberTags?: string[];
                                memberTiers?: string[];
                                minCartFen?: number;
                                minQuantity?: number;
                                productIds?: string[];
                                storeIds?: string[];
                                weekdays?: number[];
                            };
                            /** @description exclusive: applies alone; stackable: with other stackable offers */
                            stacking: "exclusive" | "stackable";
                            status: "active" | "paused";
                            /** Format: uuid */
                            templateId: string;
                            validity: {
                                /** Format: date-time */
                                from: string;
                                /** @enum {string} */
                                kind: "fixed";
                                /** Format: date-time */
                                until: string;
                            } | {
                                days: number;
                                /** @enum {string} */
                                kind: "days";
                            };
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description What the offer takes off */
                    method: {
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        maxDiscountFen?: number;
                        /** @description percent off, 1-100 (10 is 9折) */
                        percentOff: number;
                        target: "items" | "order";
                        /** @enum {string} */
                        type: "percent_off";
                    } | {
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        amountFen: number;
                        target: "items" | "order";
                        /** @enum {string} */
                        type: "fixed_off";
                    } | {
                        tiers: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            offFen: number;
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            thresholdFen: number;
                        }[];
                        /** @enum {string} */
                        type: "threshold_off";
                    } | {
                        buyQuantity: number;
                        getQuantity: number;
                        /** @description percent off, 1-100 (10 is 9折) */
                        percentOff: number;
                        /** @enum {string} */
                        type: "buy_x_get_y";
                    } | {
                        priceFen: number;
                        /** @enum {string} */
                        type: "special_price";
                    } | {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                        /** @enum {string} */
                        type: "free_gift";
                    } | {
                        multiplier: number;
                        /** @enum {string} */
                        type: "points_multiplier";
                    };
                    name: string;
                    /** @description usable at a till only, never online */
                    offlineOnly?: boolean;
                    perMemberCap?: number | null;
                    /** @description higher first */
                    priority?: number;
                    /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                    rules?: {
                        categories?: string[];
                        firstPurchase?: boolean;
                        hours?: {
                            from: string;
                            to: string;
                        };
                        memberTags?: string[];
                        memberTiers?: string[];
                        minCartFen?: number;
                        minQuantity?: number;
                        productIds?: string[];
                        storeIds?: string[];
                        weekdays?: number[];
                    };
                    /** @description exclusive: applies alone; stackable: with other stackable offers */
                    stacking?: "exclusive" | "stackable";
                    validity: {
                        /** Format: date-time */
                        from: string;
                        /** @enum {string} */
                        kind: "fixed";
                        /** Format: date-time */
                        until: string;
                    } | {
                        days: number;
                        /** @enum {string} */
                        kind: "days";
                    };
                };
            };
        };
        responses: {
            /** @description The template */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        issued: number;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        offlineOnly: boolean;
                        perMemberCap: number | null;
                        priority: number;
                        redeemed: number;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        status: "active" | "paused";
                        /** Format: uuid */
                        templateId: string;
                        validity: {
                            /** Format: date-time */
                            from: string;
                            /** @enum {string} */
                            kind: "fixed";
                            /** Format: date-time */
                            until: string;
                        } | {
                            days: number;
                            /** @enum {string} */
                            kind: "days";
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `promotion_below_zero`: the offer could take a line below zero (money off a unit above the cheapest targeted product, or off the order above its minimum)
             *     - `promotion_invalid`: the promotion or coupon template does not hold together (details.field names what)
             *     - `schedule_invalid`: the end is not after the start
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "promotion_below_zero" | "promotion_invalid" | "schedule_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    issueCouponCampaign: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                templateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description one issuance per campaign and member */
                    campaignKey: string;
                    memberIds: string[];
                    reason: string;
                };
            };
        };
        responses: {
            /** @description What the campaign issued */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description members this campaign had already reached */
                        alreadyIssued: string[];
                        /** @description members at the template's per-member cap */
                        atCap: string[];
                        issued: number;
                    };
                };
            };
            /**
             * @description - `campaign_size_invalid`: a campaign issues to 1 to 1000 members
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `member_unknown`: some members named are not members of this merchant (details.memberIds)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "campaign_size_invalid" | "invalid_request" | "member_unknown" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `coupon_template_not_found`: no such coupon template in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_template_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `coupon_template_paused`: the coupon template is paused: it issues no coupons */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_template_paused";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    grantCoupon: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                templateId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                    /** Format: uuid */
                    memberId: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The coupon */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: uuid */
                        couponId: string;
                        /** Format: date-time */
                        issuedAt: string;
                        /** Format: uuid */
                        memberId: string;
                        source: "grant" | "registration" | "campaign" | "red_packet";
                        status: "available" | "redeemed";
                        /** Format: uuid */
                        templateId: string;
                        /** Format: date-time */
                        validFrom: string;
                        /** Format: date-time */
                        validUntil: string;
                        /** @description amount in fen (1/100 yuan) */
                        valueFen: number | null;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `coupon_template_not_found`: no such coupon template in this merchant
             *     - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_template_not_found" | "member_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `coupon_cap_reached`: the member already holds as many of the template's coupons as one member may
             *     - `coupon_template_paused`: the coupon template is paused: it issues no coupons
             *     - `idempotency_key_reused`: this idempotency key was already used for a different request
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_cap_reached" | "coupon_template_paused" | "idempotency_key_reused";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    pauseCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        issued: number;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        offlineOnly: boolean;
                        perMemberCap: number | null;
                        priority: number;
                        redeemed: number;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        status: "active" | "paused";
                        /** Format: uuid */
                        templateId: string;
                        validity: {
                            /** Format: date-time */
                            from: string;
                            /** @enum {string} */
                            kind: "fixed";
                            /** Format: date-time */
                            until: string;
                        } | {
                            days: number;
                            /** @enum {string} */
                            kind: "days";
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `coupon_template_not_found`: no such coupon template in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_template_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    resumeCouponTemplate: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                templateId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The template */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        description: string;
                        issued: number;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        offlineOnly: boolean;
                        perMemberCap: number | null;
                        priority: number;
                        redeemed: number;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        status: "active" | "paused";
                        /** Format: uuid */
                        templateId: string;
                        validity: {
                            /** Format: date-time */
                            from: string;
                            /** @enum {string} */
                            kind: "fixed";
                            /** Format: date-time */
                            until: string;
                        } | {
                            days: number;
                            /** @enum {string} */
                            kind: "days";
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `coupon_template_not_found`: no such coupon template in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_template_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listDevices: {
        parameters: {
            query?: {
                storeId?: string;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The devices, by store */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        devices: {
                            /** Format: date-time */
                            activatedAt: string | null;
                            appVersion: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: "kiosk" | "entrance_camera" | "member_app";
                            /** Format: date-time */
                            lastSeenAt: string | null;
                            /** Format: uuid */
                            merchantId: string;
                            name: string;
                            online: boolean;
                            /** Format: date-time */
                            revokedAt: string | null;
                            status: "pending" | "active" | "revoked";
                            /** Format: uuid */
                            storeId: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    revokeDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                deviceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The device, now revoked */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        activatedAt: string | null;
                        appVersion: string | null;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        id: string;
                        kind: "kiosk" | "entrance_camera" | "member_app";
                        /** Format: date-time */
                        lastSeenAt: string | null;
                        /** Format: uuid */
                        merchantId: string;
                        name: string;
                        online: boolean;
                        /** Format: date-time */
                        revokedAt: string | null;
                        status: "pending" | "active" | "revoked";
                        /** Format: uuid */
                        storeId: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_found`: no such device in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_found" | "merchant_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `device_already_revoked`: the device is already revoked */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_already_revoked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listDeadLetters: {
        parameters: {
            query: {
                limit: number;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Up to `limit`, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deadLetters: {
                            aggregateId: string;
                            aggregateType: string;
                            attempts: number;
                            /** Format: date-time */
                            deadAt: string;
                            eventId: number;
                            /** @description later events of the same aggregate waiting for this one (each subscriber gets them in order) */
                            heldBehind: number;
                            lastError: string | null;
                            /** Format: date-time */
                            occurredAt: string;
                            payload: {
                                [key: string]: unknown;
                            };
                            /** @description the event's place in its aggregate's history, from 1 */
                            sequence: number;
                            /** @description e.g. loyalty.points */
                            subscriber: string;
                            /** @description the event type, e.g. payment.completed */
                            type: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    retryDeadLetter: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    eventId: number;
                    /** @description e.g. loyalty.points */
                    subscriber: string;
                };
            };
        };
        responses: {
            /** @description Queued again; a dispatcher delivers it shortly */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        eventId: number;
                        /** @enum {string} */
                        status: "pending";
                        /** @description e.g. loyalty.points */
                        subscriber: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `dead_letter_not_found`: no such dead letter in this merchant (it may have been retried already)
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "dead_letter_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    identifyFace: {
        parameters: {
            query: {
                k: number;
                phoneSuffix?: string;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The best matches, best first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        margin: number;
                        matches: {
                            maskedPhone: string | null;
                            match: boolean;
                            /** Format: uuid */
                            memberId: string;
                            score: number;
                            /** @description the chance a stranger scores this high against the merchant's whole gallery */
                            strangerChance: number;
                        }[];
                        thresholds: {
                            duplicate: number;
                            margin: number;
                            match: number;
                            stepUp: number;
                        };
                    };
                };
            };
            /**
             * @description - `blurred`: the face is blurred
             *     - `face_too_small`: the face is too small in the picture; come closer
             *     - `face_unusable`: the face could not be described
             *     - `image_corrupt`: the picture's header cannot be read
             *     - `image_format_unsupported`: the picture is in a format other than JPEG, PNG or WebP (SVG, GIF, …)
             *     - `image_missing`: a required multipart image field is missing
             *     - `image_too_large`: the image is larger than allowed: bytes (details.maxBytes), pixels or a side (details give the limit)
             *     - `image_truncated`: the picture ends before its data does (a cut-off upload)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `multipart_invalid`: the multipart body cannot be read
             *     - `multipart_required`: send the images as multipart/form-data
             *     - `multiple_faces`: more than one face was found where exactly one is needed
             *     - `no_face`: no face was found in the image
             *     - `not_an_image`: the bytes are not a JPEG, PNG or WebP picture
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `too_bright`: the face is too bright
             *     - `too_dark`: the face is too dark
             *     - `unexpected_field`: a multipart field this operation does not take
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "blurred" | "face_too_small" | "face_unusable" | "image_corrupt" | "image_format_unsupported" | "image_missing" | "image_too_large" | "image_truncated" | "invalid_request" | "multipart_invalid" | "multipart_required" | "multiple_faces" | "no_face" | "not_an_image" | "string_invalid" | "too_bright" | "too_dark" | "unexpected_field" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `identify_limit`: this staff member ran too many identify-by-photo searches in the last hour */
            429: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "identify_limit";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_analysis_failed`: the face engine failed or ran past its deadline on this picture; nothing was stored; the engine carries on
             *     - `face_engine_busy`: the face engine has too many pictures waiting; retry in a moment
             */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_analysis_failed" | "face_engine_busy";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getLivenessCalibration: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Captures, pass rates by label, the configured checks and the consent text */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        captures: {
                            attempts: number;
                            /** Format: uuid */
                            captureId: string;
                            consentVersion: string;
                            /** Format: uuid */
                            deviceId: string;
                            /** Format: date-time */
                            endedAt: string | null;
                            /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                            label: "live" | "print" | "screen" | "mask" | "other_attack";
                            note: string | null;
                            /** @description attempts the live checks passed, as configured */
                            passed: number;
                            /** Format: date-time */
                            startedAt: string;
                            /** Format: uuid */
                            startedBy: string;
                        }[];
                        configured: {
                            maxChanceInStep: number;
                            passiveVetoOnlyWhenNoFrameLooksLive: boolean;
                        };
                        consent: {
                            text: {
                                en: string;
                                zh: string;
                            };
                            version: string;
                        };
                        labels: {
                            antispoofMedian: number | null;
                            attempts: number;
                            /** @description live: the share refused; an attack: the share that passed (null without attempts) */
                            errorRate: number | null;
                            /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                            label: "live" | "print" | "screen" | "mask" | "other_attack";
                            log10ChanceInStep: {
                                max: number;
                                median: number;
                                min: number;
                            } | null;
                            passed: number;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    startLivenessCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    consentVersion: string;
                    /** Format: uuid */
                    deviceId: string;
                    /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                    label: "live" | "print" | "screen" | "mask" | "other_attack";
                    note?: string;
                };
            };
        };
        responses: {
            /** @description The capture, open */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        /** Format: uuid */
                        captureId: string;
                        consentVersion: string;
                        /** Format: uuid */
                        deviceId: string;
                        /** Format: date-time */
                        endedAt: string | null;
                        /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                        label: "live" | "print" | "screen" | "mask" | "other_attack";
                        note: string | null;
                        /** @description attempts the live checks passed, as configured */
                        passed: number;
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: uuid */
                        startedBy: string;
                    };
                };
            };
            /**
             * @description - `consent_version_mismatch`: the consent text agreed to is not the current one (details.currentVersion)
             *     - `device_not_kiosk`: the device named is not a checkout kiosk
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "consent_version_mismatch" | "device_not_kiosk" | "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_found`: no such device in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `capture_already_open`: this kiosk already has an open calibration capture */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "capture_already_open";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deleteLivenessCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                captureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Deleted */
            204: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `capture_not_found`: no such calibration capture in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "capture_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    endLivenessCapture: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                captureId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The capture, ended, with its tallies */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        attempts: number;
                        /** Format: uuid */
                        captureId: string;
                        consentVersion: string;
                        /** Format: uuid */
                        deviceId: string;
                        /** Format: date-time */
                        endedAt: string | null;
                        /** @description what is held in front of the kiosk during this capture: a live face, or an attack of this kind */
                        label: "live" | "print" | "screen" | "mask" | "other_attack";
                        note: string | null;
                        /** @description attempts the live checks passed, as configured */
                        passed: number;
                        /** Format: date-time */
                        startedAt: string;
                        /** Format: uuid */
                        startedBy: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `capture_not_found`: no such calibration capture in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "capture_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `capture_ended`: the calibration capture has already ended */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "capture_ended";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    scanMemberCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    payload: string;
                };
            };
        };
        responses: {
            /** @description The card */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 12 digits in groups of four, the last a Luhn check digit */
                        cardNumber: string;
                        /** Format: uuid */
                        memberId: string;
                        pointsBalance: number;
                        progress: {
                            /** @description what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits */
                            basis: "spend" | "points" | "visits";
                            measure: number;
                            next: {
                                name: string;
                                remaining: number;
                                threshold: number;
                            } | null;
                            windowDays: number;
                        };
                        qr: {
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description signed by the server, scans until expiresAt */
                            payload: string;
                        };
                        storedValue: {
                            /** @description amount in fen (1/100 yuan) */
                            bonusFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            principalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        };
                        tier: {
                            birthdayPoints: number;
                            discountPercent: number;
                            name: string;
                            pointsMultiplierPercent: number;
                            rank: number;
                        } | null;
                    };
                };
            };
            /**
             * @description - `card_qr_invalid`: the code is not a member card code of this merchant (forged, altered or unknown)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "card_qr_invalid" | "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `card_qr_expired`: the member card code has expired; ask the member to show a fresh one */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "card_qr_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getLoyaltyProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The programme */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description at most this share of a cart is paid in points */
                        maxRedeemPercent: number;
                        /** @description null: points never expire */
                        pointsExpiryMonths: number | null;
                        /** @description points per whole yuan paid, before the tier multiplier */
                        pointsPerYuan: number;
                        /** @description points that take one yuan off */
                        pointsPerYuanOff: number;
                        /** @description which part of stored value a payment spends first */
                        spendingOrder: "principal_first" | "bonus_first" | "proportional";
                        /** @description what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits */
                        tierBasis: "spend" | "points" | "visits";
                        tierWindowDays: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateLoyaltyProgram: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description at most this share of a cart is paid in points */
                    maxRedeemPercent?: number;
                    /** @description null: points never expire */
                    pointsExpiryMonths?: number | null;
                    /** @description points per whole yuan paid, before the tier multiplier */
                    pointsPerYuan?: number;
                    /** @description points that take one yuan off */
                    pointsPerYuanOff?: number;
                    /** @description which part of stored value a payment spends first */
                    spendingOrder?: "principal_first" | "bonus_first" | "proportional";
                    /** @description what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits */
                    tierBasis?: "spend" | "points" | "visits";
                    tierWindowDays?: number;
                };
            };
        };
        responses: {
            /** @description The programme now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description at most this share of a cart is paid in points */
                        maxRedeemPercent: number;
                        /** @description null: points never expire */
                        pointsExpiryMonths: number | null;
                        /** @description points per whole yuan paid, before the tier multiplier */
                        pointsPerYuan: number;
                        /** @description points that take one yuan off */
                        pointsPerYuanOff: number;
                        /** @description which part of stored value a payment spends first */
                        spendingOrder: "principal_first" | "bonus_first" | "proportional";
                        /** @description what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits */
                        tierBasis: "spend" | "points" | "visits";
                        tierWindowDays: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `loyalty_program_invalid`: a loyalty programme rule is out of range (details.field says which)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "loyalty_program_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listLoyaltyTiers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The tiers */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tiers: {
                            birthdayPoints: number;
                            discountPercent: number;
                            name: string;
                            pointsMultiplierPercent: number;
                            rank: number;
                            threshold: number;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    defineLoyaltyTiers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    tiers: {
                        birthdayPoints: number;
                        discountPercent: number;
                        name: string;
                        pointsMultiplierPercent: number;
                        threshold: number;
                    }[];
                };
            };
        };
        responses: {
            /** @description The tiers now */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        tiers: {
                            birthdayPoints: number;
                            discountPercent: number;
                            name: string;
                            pointsMultiplierPercent: number;
                            rank: number;
                            threshold: number;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `tier_discount_invalid`: a tier's discount is a whole percent from 0 to 50 (details.index)
             *     - `tier_thresholds_not_increasing`: each tier's threshold must be above the one before it (details.index)
             *     - `tiers_invalid`: a tier is malformed: a name of its own, whole numbers, at most 10 tiers (details.index)
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "tier_discount_invalid" | "tier_thresholds_not_increasing" | "tiers_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query: {
                phoneSuffix?: string;
                limit: number;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        members: {
                            consent: boolean;
                            /** Format: date-time */
                            createdAt: string;
                            displayName: string | null;
                            enrolled: boolean;
                            maskedPhone: string;
                            /** Format: uuid */
                            memberId: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMemberCard: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The card */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description 12 digits in groups of four, the last a Luhn check digit */
                        cardNumber: string;
                        /** Format: uuid */
                        memberId: string;
                        pointsBalance: number;
                        progress: {
                            /** @description what tiers measure in the window: spend in fen (net of refunds), points earned, or paid visits */
                            basis: "spend" | "points" | "visits";
                            measure: number;
                            next: {
                                name: string;
                                remaining: number;
                                threshold: number;
                            } | null;
                            windowDays: number;
                        };
                        qr: {
                            /** Format: date-time */
                            expiresAt: string;
                            /** @description signed by the server, scans until expiresAt */
                            payload: string;
                        };
                        storedValue: {
                            /** @description amount in fen (1/100 yuan) */
                            bonusFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            principalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            totalFen: number;
                        };
                        tier: {
                            birthdayPoints: number;
                            discountPercent: number;
                            name: string;
                            pointsMultiplierPercent: number;
                            rank: number;
                        } | null;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMemberPoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The points */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balance: number;
                        history: {
                            /** Format: date-time */
                            at: string;
                            kind: string;
                            points: number;
                            reference: string | null;
                        }[];
                        /** Format: uuid */
                        memberId: string;
                        /** @description points refunds could not take back because they were already spent */
                        shortfall: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    adjustMemberPoints: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                    /** @description positive to give, negative to take; not 0 */
                    points: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Adjusted: the ledger transaction and the balance after */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        balance: number;
                        points: number;
                        /** Format: uuid */
                        transactionId: string;
                    };
                };
            };
            /**
             * @description - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `points_invalid`: points must be a whole number (other than 0 for an adjustment) within the allowed range
             *     - `reason_required`: give a reason: what was received, a receipt number
             *     - `reason_too_long`: the reason is longer than allowed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_invalid" | "invalid_request" | "points_invalid" | "reason_required" | "reason_too_long" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `idempotency_key_reused`: this idempotency key was already used for a different request
             *     - `points_insufficient`: the member has fewer points than this takes (details.balance); nothing was written
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused" | "points_insufficient";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    purchaseStoredValuePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                    /** Format: uuid */
                    planId: string;
                };
            };
        };
        responses: {
            /** @description Bought: the ledger transaction and the stored value after */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        bonusFen: number;
                        /** Format: uuid */
                        memberId: string;
                        /** Format: uuid */
                        planId: string;
                        /** @description amount in fen (1/100 yuan) */
                        principalFen: number;
                        /** Format: uuid */
                        purchaseId: string;
                        /** Format: uuid */
                        transactionId: string;
                    };
                };
            };
            /**
             * @description - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_invalid" | "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `plan_not_found`: no such stored-value plan in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found" | "plan_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `idempotency_key_reused`: this idempotency key was already used for a different request
             *     - `plan_limit_reached`: the member already bought this plan as often as it allows (details.perMemberLimit)
             *     - `plan_not_on_sale`: the stored-value plan is outside its validity period
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused" | "plan_limit_reached" | "plan_not_on_sale";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    refundStoredValuePurchase: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
                purchaseId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Refunded */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        forfeitFen: number;
                        /** Format: uuid */
                        purchaseId: string;
                        /** @description amount in fen (1/100 yuan) */
                        refundFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        spentFen: number;
                        /** Format: uuid */
                        transactionId: string | null;
                    };
                };
            };
            /**
             * @description - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `reason_required`: give a reason: what was received, a receipt number
             *     - `reason_too_long`: the reason is longer than allowed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_invalid" | "invalid_request" | "reason_required" | "reason_too_long" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `purchase_not_found`: no such stored-value purchase of this member
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found" | "purchase_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `idempotency_key_reused`: this idempotency key was already used for a different request
             *     - `purchase_already_refunded`: this stored-value purchase was already refunded
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused" | "purchase_already_refunded";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    topUpWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    amountFen: number;
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description Topped up: the ledger transaction and the new balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        channel: "till" | "test";
                        /** Format: uuid */
                        memberId: string;
                        /** @description true for the test payment channel: test money, not real money */
                        testMoney: boolean;
                        /** Format: uuid */
                        transactionId: string;
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `reason_required`: give a reason: what was received, a receipt number
             *     - `reason_too_long`: the reason is longer than allowed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "idempotency_key_invalid" | "invalid_request" | "reason_required" | "reason_too_long" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `forbidden`: your role, merchant or store may not do this here
             *     - `top_up_over_role_limit`: the top-up is above what this staff member's role may give at once (a merchant setting)
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "top_up_over_role_limit";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `idempotency_key_reused`: this idempotency key was already used for a different request */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMemberWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                memberId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The wallet */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        /** @description stored-value bonus (充值送) not yet spent, in fen; payments spend it beside the balance */
                        bonusFen: number;
                        history: {
                            /** @description amount in fen (1/100 yuan) */
                            amountFen: number;
                            /** Format: date-time */
                            at: string;
                            kind: string;
                            reference: string | null;
                            /** @description a test-channel top-up: no real payment stands behind it */
                            testMoney: boolean;
                            /** Format: uuid */
                            transactionId: string;
                        }[];
                        /** Format: uuid */
                        memberId: string;
                        /** @description the cached balance equals the sum of ledger entries */
                        verified: boolean;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPayments: {
        parameters: {
            query: {
                storeId?: string;
                memberId?: string;
                /** @description business day (China time), YYYY-MM-DD */
                date?: string;
                limit: number;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The payments, newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        payments: {
                            /** @description amount in fen (1/100 yuan) */
                            amountFen: number;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            deviceId: string | null;
                            items: unknown[];
                            /** Format: uuid */
                            memberId: string;
                            /** Format: uuid */
                            paymentId: string;
                            /** @description amount in fen (1/100 yuan) */
                            refundedFen: number;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `date_invalid`: the date is not a calendar day from 1970-01-01 on (YYYY-MM-DD)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "date_invalid" | "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    refundPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    amountFen: number;
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                    reason?: string;
                };
            };
        };
        responses: {
            /** @description Refunded: the payment's refunded total and the wallet's new balance */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        /** Format: uuid */
                        paymentId: string;
                        /** Format: uuid */
                        refundId: string;
                        /** @description amount in fen (1/100 yuan) */
                        refundedFen: number;
                        /** Format: uuid */
                        transactionId: string;
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "idempotency_key_invalid" | "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `payment_not_found`: no such payment in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "payment_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `idempotency_key_reused`: this idempotency key was already used for a different request
             *     - `refund_exceeds_payment`: the refund is larger than what is left of the payment (details.refundableFen)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "idempotency_key_reused" | "refund_exceeds_payment";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listProducts: {
        parameters: {
            query?: {
                /** @description as the scanner reads it (EAN-13, UPC, …) */
                barcode?: string;
                category?: string;
                status?: "active" | "inactive" | "all";
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The products, by SKU */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        products: {
                            /** @description on sale: kiosks find only active products */
                            active: boolean;
                            barcode: string | null;
                            category: string | null;
                            /** Format: uuid */
                            id: string;
                            /** @description what members pay (fen); at most the price */
                            memberPriceFen: number | null;
                            name: string;
                            nameEn: string | null;
                            /** @description price in fen (1/100 yuan) */
                            priceFen: number;
                            sku: string;
                            unit: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `credentials_missing`: neither a staff bearer token nor a device signature was sent
             *     - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             *     - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "credentials_missing" | "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown" | "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as the scanner reads it (EAN-13, UPC, …) */
                    barcode?: string | null;
                    category?: string | null;
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    memberPriceFen?: number | null;
                    name: string;
                    nameEn?: string | null;
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    priceFen: number;
                    /** @description the merchant's own product code */
                    sku: string;
                    /** @description e.g. 件, 盒, bottle; 件 when left out */
                    unit?: string;
                };
            };
        };
        responses: {
            /** @description The new product, active */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description on sale: kiosks find only active products */
                        active: boolean;
                        barcode: string | null;
                        category: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description what members pay (fen); at most the price */
                        memberPriceFen: number | null;
                        name: string;
                        nameEn: string | null;
                        /** @description price in fen (1/100 yuan) */
                        priceFen: number;
                        sku: string;
                        unit: string;
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `member_price_above_price`: the member price is higher than the price
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "invalid_request" | "member_price_above_price" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `product_barcode_taken`: another product of this merchant already has this barcode
             *     - `product_sku_taken`: another product of this merchant already has this SKU
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "product_barcode_taken" | "product_sku_taken";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                productId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description as the scanner reads it (EAN-13, UPC, …) */
                    barcode?: string | null;
                    category?: string | null;
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    memberPriceFen?: number | null;
                    name?: string;
                    nameEn?: string | null;
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    priceFen?: number;
                    /** @description the merchant's own product code */
                    sku?: string;
                    /** @description e.g. 件, 盒, bottle; 件 when left out */
                    unit?: string;
                };
            };
        };
        responses: {
            /** @description The product after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description on sale: kiosks find only active products */
                        active: boolean;
                        barcode: string | null;
                        category: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description what members pay (fen); at most the price */
                        memberPriceFen: number | null;
                        name: string;
                        nameEn: string | null;
                        /** @description price in fen (1/100 yuan) */
                        priceFen: number;
                        sku: string;
                        unit: string;
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `member_price_above_price`: the member price is higher than the price
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "invalid_request" | "member_price_above_price" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `product_not_found`: no such product in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "product_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `product_barcode_taken`: another product of this merchant already has this barcode
             *     - `product_sku_taken`: another product of this merchant already has this SKU
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "product_barcode_taken" | "product_sku_taken";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    deactivateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product, inactive */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description on sale: kiosks find only active products */
                        active: boolean;
                        barcode: string | null;
                        category: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description what members pay (fen); at most the price */
                        memberPriceFen: number | null;
                        name: string;
                        nameEn: string | null;
                        /** @description price in fen (1/100 yuan) */
                        priceFen: number;
                        sku: string;
                        unit: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `product_not_found`: no such product in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "product_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    reactivateProduct: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                productId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The product, active */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description on sale: kiosks find only active products */
                        active: boolean;
                        barcode: string | null;
                        category: string | null;
                        /** Format: uuid */
                        id: string;
                        /** @description what members pay (fen); at most the price */
                        memberPriceFen: number | null;
                        name: string;
                        nameEn: string | null;
                        /** @description price in fen (1/100 yuan) */
                        priceFen: number;
                        sku: string;
                        unit: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `product_not_found`: no such product in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "product_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getPromotionSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The promotion settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redPacket: {
                            /** @description amount in fen (1/100 yuan) */
                            budgetFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            maxFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            minFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            spentFen: number;
                            /** Format: uuid */
                            templateId: string;
                        } | null;
                        restoreCouponsOnRefund: boolean;
                        /** Format: uuid */
                        welcomeTemplateId: string | null;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updatePromotionSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    redPacket: {
                        budgetFen: number;
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        maxFen: number;
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        minFen: number;
                        /** Format: uuid */
                        templateId: string;
                    } | null;
                    /** @description a refund of the whole payment gives its coupons back */
                    restoreCouponsOnRefund: boolean;
                    /** Format: uuid */
                    welcomeTemplateId: string | null;
                };
            };
        };
        responses: {
            /** @description The promotion settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        redPacket: {
                            /** @description amount in fen (1/100 yuan) */
                            budgetFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            maxFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            minFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            spentFen: number;
                            /** Format: uuid */
                            templateId: string;
                        } | null;
                        restoreCouponsOnRefund: boolean;
                        /** Format: uuid */
                        welcomeTemplateId: string | null;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `red_packet_invalid`: the red packet bounds are not 1 fen or more with max ≥ min, or its template is not money off the order
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "red_packet_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `coupon_template_not_found`: no such coupon template in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "coupon_template_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `budget_below_used`: the budget cannot be set below what has already been spent (details.usedSoFar) */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "budget_below_used";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listPromotions: {
        parameters: {
            query: {
                status?: "active" | "paused";
                limit: number;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Newest first */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        promotions: {
                            budget: {
                                kind: "uses" | "fen";
                                left: number;
                                limit: number;
                                used: number;
                            } | null;
                            /** Format: date-time */
                            createdAt: string;
                            dailyLimit: number | null;
                            description: string;
                            /** @description amount in fen (1/100 yuan) */
                            discountFen: number;
                            /** Format: date-time */
                            endsAt: string | null;
                            /** @description What the offer takes off */
                            method: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                maxDiscountFen?: number;
                                /** @description percent off, 1-100 (10 is 9折) */
                                percentOff: number;
                                target: "items" | "order";
                                /** @enum {string} */
                                type: "percent_off";
                            } | {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                amountFen: number;
                                target: "items" | "order";
                                /** @enum {string} */
                                type: "fixed_off";
                            } | {
                                tiers: {
                                    /** @description amount in fen (1/100 yuan), at least 1 */
                                    offFen: number;
                                    /** @description amount in fen (1/100 yuan), at least 1 */
                                    thresholdFen: number;
                                }[];
                                /** @enum {string} */
                                type: "threshold_off";
                            } | {
                                buyQuantity: number;
                                getQuantity: number;
                                /** @description percent off, 1-100 (10 is 9折) */
                                percentOff: number;
                                /** @enum {string} */
                                type: "buy_x_get_y";
                            } | {
                                priceFen: number;
                                /** @enum {string} */
                                type: "special_price";
                            } | {
                                /** Format: uuid */
                                productId: string;
                                quantity: number;
                                /** @enum {string} */
                                type: "free_gift";
                            } | {
                                multiplier: number;
                                /** @enum {string} */
                                type: "points_multiplier";
                            };
                            name: string;
                            perMemberDailyLimit: number | null;
                            perMemberLimit: number | null;
                            priority: number;
                            /** Format: uuid */
                            promotionId: string;
                            /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                            rules: {
                                categories?: string[];
                                firstPurchase?: boolean;
                                hours?: {
                                    from: string;
                                    to: string;
                                };
                                memberTags?: string[];
                                memberTiers?: string[];
                                minCartFen?: number;
                                minQuantity?: number;
                                productIds?: string[];
                                storeIds?: string[];
                                weekdays?: number[];
                            };
                            /** @description exclusive: applies alone; stackable: with other stackable offers */
                            stacking: "exclusive" | "stackable";
                            /** Format: date-time */
                            startsAt: string;
                            /** @description what a cart sees now */
                            state: "scheduled" | "running" | "ended" | "paused" | "exhausted";
                            status: "active" | "paused";
                            /** @description payments that applied it */
                            uses: number;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createPromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    budget?: {
                        kind: "uses" | "fen";
                        limit: number;
                    } | null;
                    dailyLimit?: number | null;
                    /** Format: date-time */
                    endsAt?: string | null;
                    /** @description What the offer takes off */
                    method: {
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        maxDiscountFen?: number;
                        /** @description percent off, 1-100 (10 is 9折) */
                        percentOff: number;
                        target: "items" | "order";
                        /** @enum {string} */
                        type: "percent_off";
                    } | {
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        amountFen: number;
                        target: "items" | "order";
                        /** @enum {string} */
                        type: "fixed_off";
                    } | {
                        tiers: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            offFen: number;
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            thresholdFen: number;
                        }[];
                        /** @enum {string} */
                        type: "threshold_off";
                    } | {
                        buyQuantity: number;
                        getQuantity: number;
                        /** @description percent off, 1-100 (10 is 9折) */
                        percentOff: number;
                        /** @enum {string} */
                        type: "buy_x_get_y";
                    } | {
                        priceFen: number;
                        /** @enum {string} */
                        type: "special_price";
                    } | {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                        /** @enum {string} */
                        type: "free_gift";
                    } | {
                        multiplier: number;
                        /** @enum {string} */
                        type: "points_multiplier";
                    };
                    name: string;
                    perMemberDailyLimit?: number | null;
                    perMemberLimit?: number | null;
                    /** @description higher first */
                    priority?: number;
                    /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                    rules?: {
                        categories?: string[];
                        firstPurchase?: boolean;
                        hours?: {
                            from: string;
                            to: string;
                        };
                        memberTags?: string[];
                        memberTiers?: string[];
                        minCartFen?: number;
                        minQuantity?: number;
                        productIds?: string[];
                        storeIds?: string[];
                        weekdays?: number[];
                    };
                    /** @description exclusive: applies alone; stackable: with other stackable offers */
                    stacking?: "exclusive" | "stackable";
                    /** Format: date-time */
                    startsAt: string;
                };
            };
        };
        responses: {
            /** @description The promotion */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            kind: "uses" | "fen";
                            left: number;
                            limit: number;
                            used: number;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        dailyLimit: number | null;
                        description: string;
                        /** @description amount in fen (1/100 yuan) */
                        discountFen: number;
                        /** Format: date-time */
                        endsAt: string | null;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        perMemberDailyLimit: number | null;
                        perMemberLimit: number | null;
                        priority: number;
                        /** Format: uuid */
                        promotionId: string;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        /** Format: date-time */
                        startsAt: string;
                        /** @description what a cart sees now */
                        state: "scheduled" | "running" | "ended" | "paused" | "exhausted";
                        status: "active" | "paused";
                        /** @description payments that applied it */
                        uses: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `promotion_below_zero`: the offer could take a line below zero (money off a unit above the cheapest targeted product, or off the order above its minimum)
             *     - `promotion_invalid`: the promotion or coupon template does not hold together (details.field names what)
             *     - `schedule_invalid`: the end is not after the start
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "promotion_below_zero" | "promotion_invalid" | "schedule_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updatePromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                promotionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    budget?: {
                        kind: "uses" | "fen";
                        limit: number;
                    } | null;
                    dailyLimit?: number | null;
                    /** Format: date-time */
                    endsAt?: string | null;
                    /** @description What the offer takes off */
                    method?: {
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        maxDiscountFen?: number;
                        /** @description percent off, 1-100 (10 is 9折) */
                        percentOff: number;
                        target: "items" | "order";
                        /** @enum {string} */
                        type: "percent_off";
                    } | {
                        /** @description amount in fen (1/100 yuan), at least 1 */
                        amountFen: number;
                        target: "items" | "order";
                        /** @enum {string} */
                        type: "fixed_off";
                    } | {
                        tiers: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            offFen: number;
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            thresholdFen: number;
                        }[];
                        /** @enum {string} */
                        type: "threshold_off";
                    } | {
                        buyQuantity: number;
                        getQuantity: number;
                        /** @description percent off, 1-100 (10 is 9折) */
                        percentOff: number;
                        /** @enum {string} */
                        type: "buy_x_get_y";
                    } | {
                        priceFen: number;
                        /** @enum {string} */
                        type: "special_price";
                    } | {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                        /** @enum {string} */
                        type: "free_gift";
                    } | {
                        multiplier: number;
                        /** @enum {string} */
                        type: "points_multiplier";
                    };
                    name?: string;
                    perMemberDailyLimit?: number | null;
                    perMemberLimit?: number | null;
                    /** @description higher first */
                    priority?: number;
                    /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                    rules?: {
                        categories?: string[];
                        firstPurchase?: boolean;
                        hours?: {
                            from: string;
                            to: string;
                        };
                        memberTags?: string[];
                        memberTiers?: string[];
                        minCartFen?: number;
                        minQuantity?: number;
                        productIds?: string[];
                        storeIds?: string[];
                        weekdays?: number[];
                    };
                    /** @description exclusive: applies alone; stackable: with other stackable offers */
                    stacking?: "exclusive" | "stackable";
                    /** Format: date-time */
                    startsAt?: string;
                };
            };
        };
        responses: {
            /** @description The promotion */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            kind: "uses" | "fen";
                            left: number;
                            limit: number;
                            used: number;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        dailyLimit: number | null;
                        description: string;
                        /** @description amount in fen (1/100 yuan) */
                        discountFen: number;
                        /** Format: date-time */
                        endsAt: string | null;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        perMemberDailyLimit: number | null;
                        perMemberLimit: number | null;
                        priority: number;
                        /** Format: uuid */
                        promotionId: string;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        /** Format: date-time */
                        startsAt: string;
                        /** @description what a cart sees now */
                        state: "scheduled" | "running" | "ended" | "paused" | "exhausted";
                        status: "active" | "paused";
                        /** @description payments that applied it */
                        uses: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `promotion_below_zero`: the offer could take a line below zero (money off a unit above the cheapest targeted product, or off the order above its minimum)
             *     - `promotion_invalid`: the promotion or coupon template does not hold together (details.field names what)
             *     - `schedule_invalid`: the end is not after the start
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "promotion_below_zero" | "promotion_invalid" | "schedule_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `promotion_not_found`: no such promotion in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "promotion_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `budget_below_used`: the budget cannot be set below what has already been spent (details.usedSoFar)
             *     - `budget_kind_locked`: a budget that has been spent keeps its kind (uses or fen)
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "budget_below_used" | "budget_kind_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    pausePromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                promotionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The promotion */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            kind: "uses" | "fen";
                            left: number;
                            limit: number;
                            used: number;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        dailyLimit: number | null;
                        description: string;
                        /** @description amount in fen (1/100 yuan) */
                        discountFen: number;
                        /** Format: date-time */
                        endsAt: string | null;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        perMemberDailyLimit: number | null;
                        perMemberLimit: number | null;
                        priority: number;
                        /** Format: uuid */
                        promotionId: string;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        /** Format: date-time */
                        startsAt: string;
                        /** @description what a cart sees now */
                        state: "scheduled" | "running" | "ended" | "paused" | "exhausted";
                        status: "active" | "paused";
                        /** @description payments that applied it */
                        uses: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `promotion_not_found`: no such promotion in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "promotion_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    resumePromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                promotionId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The promotion */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            kind: "uses" | "fen";
                            left: number;
                            limit: number;
                            used: number;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        dailyLimit: number | null;
                        description: string;
                        /** @description amount in fen (1/100 yuan) */
                        discountFen: number;
                        /** Format: date-time */
                        endsAt: string | null;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        perMemberDailyLimit: number | null;
                        perMemberLimit: number | null;
                        priority: number;
                        /** Format: uuid */
                        promotionId: string;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        /** Format: date-time */
                        startsAt: string;
                        /** @description what a cart sees now */
                        state: "scheduled" | "running" | "ended" | "paused" | "exhausted";
                        status: "active" | "paused";
                        /** @description payments that applied it */
                        uses: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `promotion_not_found`: no such promotion in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "promotion_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    schedulePromotion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                promotionId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: date-time */
                    endsAt: string | null;
                    /** Format: date-time */
                    startsAt: string;
                };
            };
        };
        responses: {
            /** @description The promotion */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        budget: {
                            kind: "uses" | "fen";
                            left: number;
                            limit: number;
                            used: number;
                        } | null;
                        /** Format: date-time */
                        createdAt: string;
                        dailyLimit: number | null;
                        description: string;
                        /** @description amount in fen (1/100 yuan) */
                        discountFen: number;
                        /** Format: date-time */
                        endsAt: string | null;
                        /** @description What the offer takes off */
                        method: {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            maxDiscountFen?: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "percent_off";
                        } | {
                            /** @description amount in fen (1/100 yuan), at least 1 */
                            amountFen: number;
                            target: "items" | "order";
                            /** @enum {string} */
                            type: "fixed_off";
                        } | {
                            tiers: {
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                offFen: number;
                                /** @description amount in fen (1/100 yuan), at least 1 */
                                thresholdFen: number;
                            }[];
                            /** @enum {string} */
                            type: "threshold_off";
                        } | {
                            buyQuantity: number;
                            getQuantity: number;
                            /** @description percent off, 1-100 (10 is 9折) */
                            percentOff: number;
                            /** @enum {string} */
                            type: "buy_x_get_y";
                        } | {
                            priceFen: number;
                            /** @enum {string} */
                            type: "special_price";
                        } | {
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @enum {string} */
                            type: "free_gift";
                        } | {
                            multiplier: number;
                            /** @enum {string} */
                            type: "points_multiplier";
                        };
                        name: string;
                        perMemberDailyLimit: number | null;
                        perMemberLimit: number | null;
                        priority: number;
                        /** Format: uuid */
                        promotionId: string;
                        /** @description Who, where, when and on what; every rule given must hold. productIds/categories are the targets (a line matches either; none: every line). Weekdays 1 (Monday)-7 and hours are China time. */
                        rules: {
                            categories?: string[];
                            firstPurchase?: boolean;
                            hours?: {
                                from: string;
                                to: string;
                            };
                            memberTags?: string[];
                            memberTiers?: string[];
                            minCartFen?: number;
                            minQuantity?: number;
                            productIds?: string[];
                            storeIds?: string[];
                            weekdays?: number[];
                        };
                        /** @description exclusive: applies alone; stackable: with other stackable offers */
                        stacking: "exclusive" | "stackable";
                        /** Format: date-time */
                        startsAt: string;
                        /** @description what a cart sees now */
                        state: "scheduled" | "running" | "ended" | "paused" | "exhausted";
                        status: "active" | "paused";
                        /** @description payments that applied it */
                        uses: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `schedule_invalid`: the end is not after the start
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "schedule_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `promotion_not_found`: no such promotion in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "promotion_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    quoteCart: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description where the cart is sold: store (a till, the default) or online; offline-only coupons are store only */
                    channel?: "store" | "online";
                    /** @description the coupons the shopper chose; absent: the best eligible ones; empty: none */
                    couponIds?: string[];
                    items: {
                        /** Format: uuid */
                        productId: string;
                        quantity: number;
                    }[];
                    /** Format: uuid */
                    memberId?: string | null;
                    /** Format: uuid */
                    storeId?: string | null;
                };
            };
        };
        responses: {
            /** @description The priced cart; nothing was written */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        adjustments: {
                            /** @description amount in fen (1/100 yuan) */
                            amountFen: number;
                            code: string;
                            label?: string;
                            /** Format: uuid */
                            productId: string;
                            source?: {
                                id: string;
                                kind: string;
                            };
                            /** @description the pricing step: member_price, promotions, coupons, … */
                            step: string;
                        }[];
                        /** @description amount in fen (1/100 yuan) */
                        discountFen: number;
                        lines: {
                            category?: string | null;
                            /** @description amount in fen (1/100 yuan) */
                            lineTotalFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            memberPriceFen: number | null;
                            name: string;
                            /** Format: uuid */
                            productId: string;
                            quantity: number;
                            /** @description amount in fen (1/100 yuan) */
                            unitPriceFen: number;
                        }[];
                        /** @description amount in fen (1/100 yuan) */
                        subtotalFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        totalFen: number;
                        /** @description offers usable on this cart that were not applied (coupons left in the wallet) */
                        unapplied: {
                            /** @description amount in fen (1/100 yuan) */
                            discountFen: number;
                            id: string;
                            kind: string;
                            label: string;
                            reason: string;
                            step: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `cart_invalid`: the cart has too few or too many lines
             *     - `coupon_not_applicable`: a coupon chosen is not usable on this cart now (details.couponId)
             *     - `coupon_not_combinable`: the coupons chosen cannot be used together: two of one template, or an exclusive one (details.couponIds)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `product_unknown`: a cart line names no active product of this merchant (details.productId)
             *     - `quantity_invalid`: a quantity is out of range (details.productId)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "cart_invalid" | "coupon_not_applicable" | "coupon_not_combinable" | "invalid_request" | "product_unknown" | "quantity_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `credentials_missing`: neither a staff bearer token nor a device signature was sent
             *     - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             *     - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "credentials_missing" | "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown" | "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "member_not_found" | "merchant_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getMerchantSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settings */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this server's device policy: how long an activation code lasts, when a silent device counts as offline */
                        devices: {
                            activationCodeTtlHours: number;
                            deviceOfflineAfterSeconds: number;
                        };
                        /** @description the face engine thresholds and their measured trade-off; read-only */
                        engine: {
                            measured: {
                                atHigh: {
                                    falseAccepts: number;
                                    threshold: number;
                                    trueAcceptRate: number;
                                };
                                atMatch: {
                                    falseAccepts: number;
                                    threshold: number;
                                    trueAcceptRate: number;
                                };
                                dataset: string;
                                genuinePairs: number;
                                highestImpostor: {
                                    demoPhotos: number;
                                    facesBbt: number;
                                };
                                impostorPairs: number;
                                measuredOn: string;
                                source: string;
                            };
                            modelId: string;
                            thresholds: {
                                high: number;
                                margin: number;
                                match: number;
                            };
                        };
                        /** Format: uuid */
                        merchantId: string;
                        /** @description what the pay-alone target costs in step-ups at this gallery size; read-only */
                        openSet: {
                            calibration: {
                                measuredOn: string;
                                per: "template" | "member";
                                source: string;
                            };
                            gallery: {
                                members: number;
                                templates: number;
                            };
                            genuineSource: string;
                            targets: {
                                /** @description the merchant's own setting */
                                current: boolean;
                                /** @description at most this share of members' own attempts reach it (lfw-dev) */
                                membersPayAloneAtMost: number;
                                oneIn: number;
                                /** @description the score a face needs to pay alone at this gallery size (above 1: never) */
                                payScore: number;
                            }[];
                        };
                        settings: {
                            /** @description the most a cashier may top up at once at the till (fen) */
                            cashierMaxTopUpFen: number;
                            /** @description 免密 daily limit a member starts with (fen) */
                            defaultDailyLimitFen: number;
                            /** @description 免密 per-payment limit a member starts with (fen) */
                            defaultPerPaymentLimitFen: number;
                            /** @description the entrance names a consenting member only when a stranger's crop would score as high at most once in this many crops (lfw-dev's measured tail, no safety margin: see docs/benchmarks.md for the false-greeting rate) */
                            entranceStrangerOneIn: number;
                            /** @description a visit ends when its person has not been seen for this many minutes; also how long an anonymous face is held in memory */
                            entranceVisitWindowMinutes: number;
                            /** @description face payment off for the whole merchant */
                            facePayKillSwitch: boolean;
                            /** @description the face alone pays only when a stranger would score as high against this gallery at most once in this many attempts; otherwise the shopper gives the phone digits */
                            faceStrangerOneIn: number;
                            /** @description refuse a head turn whose landmarks move like a flat picture (parallax check); off: computed and reported only */
                            headTurnParallax: boolean;
                            /** @description where the screen flash does not show on the face (strong light), a head turn may prove liveness */
                            headTurnWhenFlashNotVisible: boolean;
                            /** @description keep raw enrollment images (encrypted) for review */
                            keepRawImages: boolean;
                            /** @description no single payment above this (fen) */
                            maxPaymentFen: number;
                            maxPaymentsPerMemberPerHour: number;
                            maxSpoofFlagsPerDevicePerHour: number;
                            maxStepUpFailures: number;
                            maxStepUpsPerDevicePerHour: number;
                            /** @description the most a merchant or provider admin may top up at once (fen) */
                            merchantAdminMaxTopUpFen: number;
                            rawImageRetentionDays: number;
                            /** @description the most a store manager may top up at once (fen) */
                            storeManagerMaxTopUpFen: number;
                            /** @description members may top up their own wallets with test money (no real payment); off unless turned on */
                            testPaymentChannel: boolean;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateMerchantSettings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        /** @description any subset of the settings; an unknown key, a wrong type or a negative number is refused */
        requestBody: {
            content: {
                "application/json": {
                    /** @description integer: the most a cashier may top up at once at the till (fen) */
                    cashierMaxTopUpFen?: unknown;
                    /** @description integer: 免密 daily limit a member starts with (fen) */
                    defaultDailyLimitFen?: unknown;
                    /** @description integer: 免密 per-payment limit a member starts with (fen) */
                    defaultPerPaymentLimitFen?: unknown;
                    /** @description integer: the entrance names a consenting member only when a stranger's crop would score as high at most once in this many crops (lfw-dev's measured tail, no safety margin: see docs/benchmarks.md for the false-greeting rate) */
                    entranceStrangerOneIn?: unknown;
                    /** @description integer: a visit ends when its person has not been seen for this many minutes; also how long an anonymous face is held in memory */
                    entranceVisitWindowMinutes?: unknown;
                    /** @description boolean: face payment off for the whole merchant */
                    facePayKillSwitch?: unknown;
                    /** @description integer: the face alone pays only when a stranger would score as high against this gallery at most once in this many attempts; otherwise the shopper gives the phone digits */
                    faceStrangerOneIn?: unknown;
                    /** @description boolean: refuse a head turn whose landmarks move like a flat picture (parallax check); off: computed and reported only */
                    headTurnParallax?: unknown;
                    /** @description boolean: where the screen flash does not show on the face (strong light), a head turn may prove liveness */
                    headTurnWhenFlashNotVisible?: unknown;
                    /** @description boolean: keep raw enrollment images (encrypted) for review */
                    keepRawImages?: unknown;
                    /** @description integer: no single payment above this (fen) */
                    maxPaymentFen?: unknown;
                    /** @description integer */
                    maxPaymentsPerMemberPerHour?: unknown;
                    /** @description integer */
                    maxSpoofFlagsPerDevicePerHour?: unknown;
                    /** @description integer */
                    maxStepUpFailures?: unknown;
                    /** @description integer */
                    maxStepUpsPerDevicePerHour?: unknown;
                    /** @description integer: the most a merchant or provider admin may top up at once (fen) */
                    merchantAdminMaxTopUpFen?: unknown;
                    /** @description integer */
                    rawImageRetentionDays?: unknown;
                    /** @description integer: the most a store manager may top up at once (fen) */
                    storeManagerMaxTopUpFen?: unknown;
                    /** @description boolean: members may top up their own wallets with test money (no real payment); off unless turned on */
                    testPaymentChannel?: unknown;
                };
            };
        };
        responses: {
            /** @description The settings after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description this server's device policy: how long an activation code lasts, when a silent device counts as offline */
                        devices: {
                            activationCodeTtlHours: number;
                            deviceOfflineAfterSeconds: number;
                        };
                        /** @description the face engine thresholds and their measured trade-off; read-only */
                        engine: {
                            measured: {
                                atHigh: {
                                    falseAccepts: number;
                                    threshold: number;
                                    trueAcceptRate: number;
                                };
                                atMatch: {
                                    falseAccepts: number;
                                    threshold: number;
                                    trueAcceptRate: number;
                                };
                                dataset: string;
                                genuinePairs: number;
                                highestImpostor: {
                                    demoPhotos: number;
                                    facesBbt: number;
                                };
                                impostorPairs: number;
                                measuredOn: string;
                                source: string;
                            };
                            modelId: string;
                            thresholds: {
                                high: number;
                                margin: number;
                                match: number;
                            };
                        };
                        /** Format: uuid */
                        merchantId: string;
                        /** @description what the pay-alone target costs in step-ups at this gallery size; read-only */
                        openSet: {
                            calibration: {
                                measuredOn: string;
                                per: "template" | "member";
                                source: string;
                            };
                            gallery: {
                                members: number;
                                templates: number;
                            };
                            genuineSource: string;
                            targets: {
                                /** @description the merchant's own setting */
                                current: boolean;
                                /** @description at most this share of members' own attempts reach it (lfw-dev) */
                                membersPayAloneAtMost: number;
                                oneIn: number;
                                /** @description the score a face needs to pay alone at this gallery size (above 1: never) */
                                payScore: number;
                            }[];
                        };
                        settings: {
                            /** @description the most a cashier may top up at once at the till (fen) */
                            cashierMaxTopUpFen: number;
                            /** @description 免密 daily limit a member starts with (fen) */
                            defaultDailyLimitFen: number;
                            /** @description 免密 per-payment limit a member starts with (fen) */
                            defaultPerPaymentLimitFen: number;
                            /** @description the entrance names a consenting member only when a stranger's crop would score as high at most once in this many crops (lfw-dev's measured tail, no safety margin: see docs/benchmarks.md for the false-greeting rate) */
                            entranceStrangerOneIn: number;
                            /** @description a visit ends when its person has not been seen for this many minutes; also how long an anonymous face is held in memory */
                            entranceVisitWindowMinutes: number;
                            /** @description face payment off for the whole merchant */
                            facePayKillSwitch: boolean;
                            /** @description the face alone pays only when a stranger would score as high against this gallery at most once in this many attempts; otherwise the shopper gives the phone digits */
                            faceStrangerOneIn: number;
                            /** @description refuse a head turn whose landmarks move like a flat picture (parallax check); off: computed and reported only */
                            headTurnParallax: boolean;
                            /** @description where the screen flash does not show on the face (strong light), a head turn may prove liveness */
                            headTurnWhenFlashNotVisible: boolean;
                            /** @description keep raw enrollment images (encrypted) for review */
                            keepRawImages: boolean;
                            /** @description no single payment above this (fen) */
                            maxPaymentFen: number;
                            maxPaymentsPerMemberPerHour: number;
                            maxSpoofFlagsPerDevicePerHour: number;
                            maxStepUpFailures: number;
                            maxStepUpsPerDevicePerHour: number;
                            /** @description the most a merchant or provider admin may top up at once (fen) */
                            merchantAdminMaxTopUpFen: number;
                            rawImageRetentionDays: number;
                            /** @description the most a store manager may top up at once (fen) */
                            storeManagerMaxTopUpFen: number;
                            /** @description members may top up their own wallets with test money (no real payment); off unless turned on */
                            testPaymentChannel: boolean;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `setting_invalid`: the setting has the wrong type, or a number that is not a whole number ≥ 0
             *     - `setting_unknown`: there is no setting of this name
             *     - `settings_empty`: name at least one setting to change
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "setting_invalid" | "setting_unknown" | "settings_empty" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getSettlementReport: {
        parameters: {
            query: {
                /** @description business day (China time), YYYY-MM-DD */
                date: string;
            };
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The settlement of the day */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        date: string;
                        /** Format: date-time */
                        from: string;
                        /** @description amount in fen (1/100 yuan) */
                        grossFen: number;
                        ledgerConsistent: boolean;
                        /** @description amount in fen (1/100 yuan) */
                        netFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        refundedFen: number;
                        stores: {
                            /** @description amount in fen (1/100 yuan) */
                            grossFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            netFen: number;
                            paymentCount: number;
                            refundCount: number;
                            /** @description amount in fen (1/100 yuan) */
                            refundedFen: number;
                            /** Format: uuid */
                            storeId: string;
                        }[];
                        /** Format: date-time */
                        to: string;
                        topUpCount: number;
                        /** @description amount in fen (1/100 yuan) */
                        topUpFen: number;
                    };
                };
            };
            /**
             * @description - `date_invalid`: the date is not a calendar day from 1970-01-01 on (YYYY-MM-DD)
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "date_invalid" | "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff, by username */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        staff: {
                            /** Format: date-time */
                            createdAt: string;
                            disabled: boolean;
                            /** Format: date-time */
                            disabledAt: string | null;
                            displayName: string;
                            /** Format: uuid */
                            merchantId: string;
                            /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                            role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                            /** Format: uuid */
                            staffId: string;
                            /** Format: uuid */
                            storeId: string | null;
                            username: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName: string;
                    /** @description at least 10 characters */
                    password: string;
                    /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                    role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                    /** Format: uuid */
                    storeId?: string | null;
                    /** @description 3-64 characters of a-z 0-9 . _ -, unique on this server; stored in lower case */
                    username: string;
                };
            };
        };
        responses: {
            /** @description The new staff account */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        disabled: boolean;
                        /** Format: date-time */
                        disabledAt: string | null;
                        displayName: string;
                        /** Format: uuid */
                        merchantId: string;
                        /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                        role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                        /** Format: uuid */
                        staffId: string;
                        /** Format: uuid */
                        storeId: string | null;
                        username: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `store_not_allowed`: a merchant admin belongs to no single store: leave storeId out
             *     - `store_required`: store managers and cashiers belong to one store: give storeId
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "store_not_allowed" | "store_required" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `forbidden`: your role, merchant or store may not do this here
             *     - `role_not_assignable`: your role may not give this role
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "role_not_assignable";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `username_taken`: this username is already used by someone */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "username_taken";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    displayName?: string;
                    /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                    role?: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                    /** Format: uuid */
                    storeId?: string | null;
                };
            };
        };
        responses: {
            /** @description The staff account after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        disabled: boolean;
                        /** Format: date-time */
                        disabledAt: string | null;
                        displayName: string;
                        /** Format: uuid */
                        merchantId: string;
                        /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                        role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                        /** Format: uuid */
                        staffId: string;
                        /** Format: uuid */
                        storeId: string | null;
                        username: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `store_not_allowed`: a merchant admin belongs to no single store: leave storeId out
             *     - `store_required`: store managers and cashiers belong to one store: give storeId
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "store_not_allowed" | "store_required" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `forbidden`: your role, merchant or store may not do this here
             *     - `role_not_assignable`: your role may not give this role
             */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden" | "role_not_assignable";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `staff_not_found`: no such staff member in this merchant
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "staff_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `staff_self_change`: you may not change your own role or store, nor disable yourself */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "staff_self_change";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    disableStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff account, disabled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        disabled: boolean;
                        /** Format: date-time */
                        disabledAt: string | null;
                        displayName: string;
                        /** Format: uuid */
                        merchantId: string;
                        /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                        role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                        /** Format: uuid */
                        staffId: string;
                        /** Format: uuid */
                        storeId: string | null;
                        username: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `staff_not_found`: no such staff member in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "staff_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `staff_self_change`: you may not change your own role or store, nor disable yourself */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "staff_self_change";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    enableStaff: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The staff account, enabled */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        disabled: boolean;
                        /** Format: date-time */
                        disabledAt: string | null;
                        displayName: string;
                        /** Format: uuid */
                        merchantId: string;
                        /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                        role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                        /** Format: uuid */
                        staffId: string;
                        /** Format: uuid */
                        storeId: string | null;
                        username: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `staff_not_found`: no such staff member in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "staff_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    resetStaffPassword: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                staffId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description at least 10 characters */
                    password: string;
                };
            };
        };
        responses: {
            /** @description The staff account, with its new password set */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** Format: date-time */
                        createdAt: string;
                        disabled: boolean;
                        /** Format: date-time */
                        disabledAt: string | null;
                        displayName: string;
                        /** Format: uuid */
                        merchantId: string;
                        /** @description merchant_admin (the whole merchant), store_manager or cashier (one store); provider_admin is never given */
                        role: "merchant_admin" | "store_manager" | "cashier" | "provider_admin";
                        /** Format: uuid */
                        staffId: string;
                        /** Format: uuid */
                        storeId: string | null;
                        username: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `staff_not_found`: no such staff member in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "staff_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listStoredValuePlans: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The plans */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        plans: {
                            /** @description amount in fen (1/100 yuan) */
                            bonusFen: number;
                            name: string;
                            perMemberLimit: number;
                            /** Format: uuid */
                            planId: string;
                            /** @description amount in fen (1/100 yuan) */
                            priceFen: number;
                            /** Format: date-time */
                            validFrom: string;
                            /** Format: date-time */
                            validUntil: string;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createStoredValuePlan: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    bonusFen: number;
                    name: string;
                    perMemberLimit: number;
                    /** @description amount in fen (1/100 yuan), at least 1 */
                    priceFen: number;
                    /** Format: date-time */
                    validFrom: string;
                    /** Format: date-time */
                    validUntil: string;
                };
            };
        };
        responses: {
            /** @description The plan */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        bonusFen: number;
                        name: string;
                        perMemberLimit: number;
                        /** Format: uuid */
                        planId: string;
                        /** @description amount in fen (1/100 yuan) */
                        priceFen: number;
                        /** Format: date-time */
                        validFrom: string;
                        /** Format: date-time */
                        validUntil: string;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `plan_invalid`: the stored-value plan is malformed (details.field says which)
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "plan_invalid" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    getStoredValueReport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The report */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        bonusOutstandingFen: number;
                        plans: {
                            /** @description amount in fen (1/100 yuan) */
                            bonusForfeitedFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            bonusGivenFen: number;
                            /** Format: uuid */
                            planId: string;
                            /** @description amount in fen (1/100 yuan) */
                            principalRefundedFen: number;
                            /** @description amount in fen (1/100 yuan) */
                            principalSoldFen: number;
                            purchases: number;
                        }[];
                        /** @description amount in fen (1/100 yuan) */
                        principalOutstandingFen: number;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    listStores: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The stores, by code */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        stores: {
                            address: string | null;
                            code: string;
                            /** Format: uuid */
                            id: string;
                            /** Format: uuid */
                            merchantId: string;
                            name: string;
                            storeGroup: string | null;
                        }[];
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @description short code shown on receipts, e.g. SH-01 */
                    code: string;
                    name: string;
                    /** @description a region or group the merchant reports by */
                    storeGroup?: string | null;
                };
            };
        };
        responses: {
            /** @description The new store */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        code: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        merchantId: string;
                        name: string;
                        storeGroup: string | null;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `merchant_not_found`: no such merchant (or not one of your provider) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `store_code_taken`: another store of this merchant already has this code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "store_code_taken";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    updateStore: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                storeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: string | null;
                    /** @description short code shown on receipts, e.g. SH-01 */
                    code?: string;
                    name?: string;
                    /** @description a region or group the merchant reports by */
                    storeGroup?: string | null;
                };
            };
        };
        responses: {
            /** @description The store after the change */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        address: string | null;
                        code: string;
                        /** Format: uuid */
                        id: string;
                        /** Format: uuid */
                        merchantId: string;
                        name: string;
                        storeGroup: string | null;
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `store_code_taken`: another store of this merchant already has this code */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "store_code_taken";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    registerDevice: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                merchantId: string;
                storeId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    kind: "kiosk" | "entrance_camera" | "member_app";
                    name: string;
                };
            };
        };
        responses: {
            /** @description The pending device and its activation code */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description shown once; valid until used or expired. It leads with the merchant code: YABO-K7QM2-XRP9T-CH4Z8 */
                        activationCode: string;
                        device: {
                            /** Format: date-time */
                            activatedAt: string | null;
                            appVersion: string | null;
                            /** Format: date-time */
                            createdAt: string;
                            /** Format: uuid */
                            id: string;
                            kind: "kiosk" | "entrance_camera" | "member_app";
                            /** Format: date-time */
                            lastSeenAt: string | null;
                            /** Format: uuid */
                            merchantId: string;
                            name: string;
                            online: boolean;
                            /** Format: date-time */
                            revokedAt: string | null;
                            status: "pending" | "active" | "revoked";
                            /** Format: uuid */
                            storeId: string;
                        };
                    };
                };
            };
            /**
             * @description - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             *     - `url_invalid`: the path is not valid percent-encoded UTF-8
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "invalid_request" | "string_invalid" | "url_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `session_invalid`: the staff session is unknown, expired or signed out, or the staff account is disabled
             *     - `session_missing`: no staff bearer token (Authorization: Bearer <token> from login)
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "session_invalid" | "session_missing";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `forbidden`: your role, merchant or store may not do this here */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "forbidden";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `merchant_not_found`: no such merchant (or not one of your provider)
             *     - `store_not_found`: no such store in this merchant
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "merchant_not_found" | "store_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `url_too_long`: a path parameter is too long */
            414: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "url_too_long";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
    createPayment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    faceSessionId: string;
                    /** @description unique per intended operation; retries reuse it */
                    idempotencyKey: string;
                };
            };
        };
        responses: {
            /** @description Paid: the payment, the wallet's new balance and the receipt */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description amount in fen (1/100 yuan) */
                        amountFen: number;
                        /** @description amount in fen (1/100 yuan) */
                        balanceFen: number;
                        /** Format: date-time */
                        createdAt: string;
                        /** Format: uuid */
                        memberId: string;
                        /** Format: uuid */
                        paymentId: string;
                        /** Format: uuid */
                        receiptId: string;
                        /** Format: uuid */
                        transactionId: string;
                    };
                };
            };
            /**
             * @description - `amount_invalid`: the amount is not a positive whole number of fen
             *     - `idempotency_key_invalid`: idempotencyKey is not 8-128 characters of A-Z a-z 0-9 _ . : -
             *     - `invalid_request`: the request does not match the operation (see details.issues), or its JSON is malformed
             *     - `string_invalid`: a string holds a NUL character or an unpaired surrogate, or the body is not valid UTF-8; nothing was written
             */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_invalid" | "idempotency_key_invalid" | "invalid_request" | "string_invalid";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `device_not_activated`: the device was registered but has not been activated
             *     - `device_request_replayed`: this nonce was already used by the device
             *     - `device_request_stale`: the request's timestamp is outside the server's clock window
             *     - `device_revoked`: the device was revoked by staff
             *     - `device_signature_invalid`: the signature does not verify against the device's public key over the canonical request
             *     - `device_signature_malformed`: a device signature header is not in its format (ids are UUIDs, timestamp unix ms, nonce 8-128 of A-Z a-z 0-9 _ -)
             *     - `device_signature_missing`: one of the x-shualian-* device signature headers is missing
             *     - `device_unknown`: no device with this id in this merchant
             */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "device_not_activated" | "device_request_replayed" | "device_request_stale" | "device_revoked" | "device_signature_invalid" | "device_signature_malformed" | "device_signature_missing" | "device_unknown";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_locked`: too many failed step-up answers: the session is locked; start again or pay another way */
            403: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_locked";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `face_session_not_found`: no such face session at this kiosk
             *     - `member_not_found`: no such member in this merchant
             *     - `merchant_not_found`: no such merchant (or not one of your provider)
             */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_not_found" | "member_not_found" | "merchant_not_found";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /**
             * @description - `amount_over_limit`: the amount is above what the merchant takes in one payment (details.maxPaymentFen)
             *     - `coupon_unavailable`: a coupon in the price was used or has expired since the cart was priced; price it again
             *     - `face_data_deleted`: the member's face data was deleted while this request ran; nothing was stored or paid
             *     - `face_pay_disabled`: face payment is switched off for this merchant
             *     - `face_session_refused`: the face session was refused; start a new one
             *     - `face_session_used`: the face session was already answered or has paid
             *     - `face_session_wrong_state`: the face session is not in the state this step needs (details.status)
             *     - `idempotency_key_reused`: this idempotency key was already used for a different request
             *     - `insufficient_funds`: the wallet balance is too low (details.shortFen)
             *     - `promotion_limit_reached`: a promotion in the price has been used as often as the member or the day allows; price the cart again
             *     - `promotion_unavailable`: a promotion in the price has been paused, has ended or has run out of budget since the cart was priced; price it again
             *     - `step_up_required`: password-free payment does not cover this payment (off, or above a limit)
             *     - `velocity_limit`: too many payments by this member in the last hour
             */
            409: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "amount_over_limit" | "coupon_unavailable" | "face_data_deleted" | "face_pay_disabled" | "face_session_refused" | "face_session_used" | "face_session_wrong_state" | "idempotency_key_reused" | "insufficient_funds" | "promotion_limit_reached" | "promotion_unavailable" | "step_up_required" | "velocity_limit";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `face_session_expired`: the face session has expired; start again */
            410: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "face_session_expired";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `body_too_large`: the body is larger than this operation takes */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "body_too_large";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `unsupported_media_type`: the body is not in a content type this operation reads (JSON unless stated) */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "unsupported_media_type";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
            /** @description - `internal_error`: something failed on the server; nothing was half-done, and the same request may be retried */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        error: {
                            /** @enum {string} */
                            code: "internal_error";
                            details?: {
                                [key: string]: unknown;
                            };
                            /** @description for people; may change */
                            message: string;
                        };
                    };
                };
            };
        };
    };
}
