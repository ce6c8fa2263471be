import type { operations } from './schema.gen.ts';

/** Names for what the generated document says, by operation: the apps import these and declare no wire type. */
export type OperationId = keyof operations;
type Responses<Op extends OperationId> = operations[Op]['responses'];
type JsonOf<Response> = Response extends { content: { 'application/json': infer Body } } ? Body : never;

/** The body of the operation's successful answer. */
export type ResponseOf<Op extends OperationId> = JsonOf<Responses<Op>[Extract<keyof Responses<Op>, 200 | 201>]>;
/** The JSON body the operation takes. */
export type RequestOf<Op extends OperationId> = JsonOf<NonNullable<operations[Op]['requestBody']>>;
/** The operation's query parameters. */
export type QueryOf<Op extends OperationId> = NonNullable<operations[Op]['parameters']['query']>;
/** The error codes the operation can answer with, any status. */
export type ErrorCodeOf<Op extends OperationId> = Op extends OperationId
  ? {
      [Status in keyof Responses<Op>]: Status extends number
        ? `${Status}` extends `4${string}` | `5${string}`
          ? JsonOf<Responses<Op>[Status]> extends { error: { code: infer Code } }
            ? Code
            : never
          : never
        : never;
    }[keyof Responses<Op>]
  : never;
/** Every error code the API can answer with. */
export type ErrorCode = ErrorCodeOf<OperationId>;

// Staff and the console
export type StaffProfile = ResponseOf<'getCurrentStaff'>;
export type StaffRole = StaffProfile['role'];
export type Permission = StaffProfile['permissions'][number];
export type StaffSignIn = ResponseOf<'login'>;
export type Merchant = ResponseOf<'listMerchants'>['merchants'][number];
export type Store = ResponseOf<'listStores'>['stores'][number];
export type Device = ResponseOf<'listDevices'>['devices'][number];
export type DeviceKind = Device['kind'];
export type MemberSummary = ResponseOf<'listMembers'>['members'][number];
export type MemberWallet = ResponseOf<'getMemberWallet'>;
export type StaffTopUp = ResponseOf<'topUpWallet'>;
export type MerchantPayment = ResponseOf<'listPayments'>['payments'][number];
export type RefundResult = ResponseOf<'refundPayment'>;
export type SettlementReport = ResponseOf<'getSettlementReport'>;
export type LivenessCalibration = ResponseOf<'getLivenessCalibration'>;
export type LivenessCapture = ResponseOf<'startLivenessCapture'>;
export type CaptureLabel = LivenessCapture['label'];
export type SettingsView = ResponseOf<'getMerchantSettings'>;
export type MerchantSettings = SettingsView['settings'];
export type AuditEvent = ResponseOf<'listAuditEvents'>['events'][number];

// Store devices and the kiosk
export type DeviceActivation = ResponseOf<'activateDevice'>;
export type DeviceProfile = ResponseOf<'getDeviceProfile'>;
export type DemoCameraPicture = ResponseOf<'getDemoCameraPicture'>;
export type Product = ResponseOf<'listProducts'>['products'][number];
export type FaceSession = ResponseOf<'getFaceSession'>;
export type SessionStatus = FaceSession['status'];
export type StepUpKind = NonNullable<FaceSession['stepUp']>;
export type HeadTurnChallenge = NonNullable<FaceSession['headTurn']>;
export type SessionLine = FaceSession['items'][number];
export type ColourChallenge = ResponseOf<'createFaceSession'>['challenge'];
export type ColourStep = ColourChallenge['steps'][number];
export type CapturedFrame = RequestOf<'submitFaceFrames'>['frames'][number];
export type StepUpAnswer = RequestOf<'verifyStepUp'>;
export type Greeting = NonNullable<FaceSession['greeting']>;
export type GreetingCoupon = Greeting['coupons'][number];
export type OfferChoices = RequestOf<'chooseFaceSessionOffers'>;
export type PaymentResult = ResponseOf<'createPayment'>;
export type OpenCapture = NonNullable<ResponseOf<'getOpenLivenessCapture'>['capture']>;
export type CaptureAttempt = ResponseOf<'startLivenessAttempt'>;
export type CaptureVerdict = ResponseOf<'submitLivenessAttemptFrames'>['verdict'];

// Members and the member app
export type MemberProfile = ResponseOf<'getMember'>;
export type ConsentDocument = ResponseOf<'getConsentDocument'>;
export type MemberSignIn = ResponseOf<'registerMember'>;
export type FaceDataSummary = ResponseOf<'getFaceData'>;
export type EnrollmentResult = ResponseOf<'enrollFace'>;
export type FaceDataDeletion = ResponseOf<'deleteFaceData'>;
export type Wallet = ResponseOf<'getWallet'>;
export type TopUpResult = ResponseOf<'topUpWalletTestChannel'>;
export type PaymentAgreement = ResponseOf<'getPaymentAgreement'>;
export type Receipt = ResponseOf<'listReceipts'>['receipts'][number];

// The store entrance: cameras, the staff view, the member's entrance consent
export type EntranceCameraConfig = ResponseOf<'getEntranceCameraConfig'>;
export type EntranceCrop = RequestOf<'submitEntranceCrops'>['crops'][number];
export type CropResult = ResponseOf<'submitEntranceCrops'>['crops'][number];
export type EntranceCamera = ResponseOf<'listEntranceCameras'>['cameras'][number];
export type CameraRole = EntranceCamera['role'];
export type Door = ResponseOf<'listDoors'>['doors'][number];
export type DoorEvent = ResponseOf<'listDoorEvents'>['events'][number];
/** What the member-only door a camera watches did for one crop (null: it watches none). */
export type DoorDecision = ResponseOf<'submitEntranceCrops'>['crops'][number]['door'];
export type StorePresence = ResponseOf<'getStorePresence'>;
export type PresentMember = StorePresence['members'][number];
export type StoreTraffic = ResponseOf<'getStoreTraffic'>;
export type EntranceRecognition = ResponseOf<'getEntranceRecognition'>;
export type EntranceConsentDocument = ResponseOf<'getEntranceConsentDocument'>;
