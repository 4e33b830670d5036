// The VPC of the reference: a 10.x.y.0/24 over two AZs, public /27s (NAT, ALBs), private /26s (Fargate tasks),
// exactly one NAT gateway (cost: the brief accepts a single-AZ NAT before launch). Raw EC2 resources because
// sst.aws.Vpc fixes its CIDRs (10.0.0.0/16, /22 subnets) and creates one NAT per AZ; SST's Cluster takes this VPC
// as a plain object.
import { subnetLayout } from './config';
import { type Ctx, scope } from './scope';
import { COMPONENT_TAGS } from './tags';

export function createNetwork(ctx: Ctx) {
  const parent = scope(ctx, 'Network', COMPONENT_TAGS.network);
  const layout = subnetLayout(ctx.cfg.vpcCidr);
  const zones = aws
    .getAvailabilityZonesOutput({ state: 'available' }, { parent })
    .names.apply((n) => n.slice(0, 2));
  const vpc = new aws.ec2.Vpc(
    'Vpc',
    { cidrBlock: ctx.cfg.vpcCidr, enableDnsHostnames: true, enableDnsSupport: true },
    { parent },
  );
  const igw = new aws.ec2.InternetGateway('InternetGateway', { vpcId: vpc.id }, { parent });
  const publicSubnets = layout.public.map(
    (cidrBlock, i) =>
      new aws.ec2.Subnet(
        `PublicSubnet${i + 1}`,
        { vpcId: vpc.id, cidrBlock, availabilityZone: zones[i], mapPublicIpOnLaunch: false },
        { parent },
      ),
  );
  const privateSubnets = layout.private.map(
    (cidrBlock, i) =>
      new aws.ec2.Subnet(
        `PrivateSubnet${i + 1}`,
        { vpcId: vpc.id, cidrBlock, availabilityZone: zones[i] },
        { parent },
      ),
  );
  const eip = new aws.ec2.Eip('NatEip', { domain: 'vpc' }, { parent });
  const nat = new aws.ec2.NatGateway(
    'NatGateway',
    { subnetId: publicSubnets[0].id, allocationId: eip.id, tags: { Resource: 'NATGateway' } },
    { parent, dependsOn: [igw] },
  );
  const publicRoutes = new aws.ec2.RouteTable(
    'PublicRouteTable',
    { vpcId: vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', gatewayId: igw.id }] },
    { parent },
  );
  const privateRoutes = new aws.ec2.RouteTable(
    'PrivateRouteTable',
    { vpcId: vpc.id, routes: [{ cidrBlock: '0.0.0.0/0', natGatewayId: nat.id }] },
    { parent },
  );
  for (const [i, s] of publicSubnets.entries()) {
    new aws.ec2.RouteTableAssociation(
      `PublicRouteTableAssociation${i + 1}`,
      { subnetId: s.id, routeTableId: publicRoutes.id },
      { parent },
    );
  }
  for (const [i, s] of privateSubnets.entries()) {
    new aws.ec2.RouteTableAssociation(
      `PrivateRouteTableAssociation${i + 1}`,
      { subnetId: s.id, routeTableId: privateRoutes.id },
      { parent },
    );
  }
  // Tasks and ALBs get their own groups (services.ts); this default group only allows traffic inside the VPC.
  const internal = new aws.ec2.SecurityGroup(
    'InternalSecurityGroup',
    {
      vpcId: vpc.id,
      description: 'usermetrics: traffic inside the VPC',
      ingress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: [ctx.cfg.vpcCidr] }],
      egress: [{ protocol: '-1', fromPort: 0, toPort: 0, cidrBlocks: ['0.0.0.0/0'] }],
    },
    { parent },
  );
  return { vpc, publicSubnets, privateSubnets, internal, nat };
}

export type Network = ReturnType<typeof createNetwork>;
